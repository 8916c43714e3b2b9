using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.AgentLink.Http;
using SupportBot.AgentLink.Jobs;
using SupportBot.AgentLink.Pairing;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink;

/// <summary>Host wiring: <c>services.AddAgentLink(configuration)</c> and <c>app.MapAgentLink()</c>.</summary>
public static class AgentLinkExtensions
{
    /// <summary>
    /// Registers the agent link: options (<c>AgentLink</c> section, validated at start), the SQLite tables, pairing,
    /// tokens, the job queue, <see cref="IAgentPairing"/>, <see cref="IAgentPresence"/>, <see cref="IAgentCheckDispatcher"/>
    /// and a logging <see cref="IAgentResultSink"/> the host replaces with its own.
    /// </summary>
    public static IServiceCollection AddAgentLink(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentLinkOptions>()
            .Bind(configuration.GetSection(AgentLinkOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || o.SigningKey.Trim().Length >= 32, "AgentLink:SigningKey must be at least 32 characters.")
            .Validate(o => string.IsNullOrWhiteSpace(o.DownloadUrl) || Uri.TryCreate(o.DownloadUrl, UriKind.Absolute, out _),
                "AgentLink:DownloadUrl must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AgentLinkDatabase(DatabasePath(sp, configuration)));
        services.AddSingleton(sp => new AgentTokens(
            AgentSigningKey.Resolve(sp.GetRequiredService<IOptions<AgentLinkOptions>>().Value.SigningKey, DataDirectory(sp, configuration)),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AgentLinkStore>();
        services.AddSingleton<AgentJobStore>();
        services.AddSingleton<PairingThrottle>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<ResultDelivery>();
        services.AddSingleton<AgentPairingService>();
        services.AddSingleton<IAgentPairing>(sp => sp.GetRequiredService<AgentPairingService>());
        services.AddSingleton<IAgentPresence>(sp => sp.GetRequiredService<AgentPairingService>());
        services.AddSingleton<AgentJobService>();
        services.AddSingleton<IAgentCheckDispatcher>(sp => sp.GetRequiredService<AgentJobService>());
        services.TryAddSingleton<IAgentResultSink, LoggingResultSink>();
        services.AddSingleton<JobExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<JobExpiryService>());
        return services;
    }

    /// <summary>Maps <c>POST /api/agent/pair</c>, <c>GET /api/agent/jobs</c>, <c>POST /api/agent/results</c> and <c>GET /agent/download</c>.</summary>
    public static IEndpointRouteBuilder MapAgentLink(this IEndpointRouteBuilder endpoints)
    {
        AgentLinkEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// The data directory: <c>SupportBot:DataDir</c> (the host's, where the Direct Line secret lives), else
    /// <c>Storage:DataDirectory</c>, else <c>./data</c>; relative to the content root.
    /// </summary>
    public static string DataDirectory(IServiceProvider services, IConfiguration configuration)
    {
        var directory = configuration["SupportBot:DataDir"] ?? configuration["Storage:DataDirectory"] ?? "./data";
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(directory, root);
    }

    private static string DatabasePath(IServiceProvider services, IConfiguration configuration)
    {
        var configured = services.GetRequiredService<IOptions<AgentLinkOptions>>().Value.DatabasePath;
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DataDirectory(services, configuration), Storage.Sqlite.SqliteDatabase.FileName)
            : Path.GetFullPath(configured, root);
    }
}
