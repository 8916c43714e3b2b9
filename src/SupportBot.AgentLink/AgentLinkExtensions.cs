using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.AgentLink.Http;
using SupportBot.AgentLink.Jobs;
using SupportBot.AgentLink.Pairing;
using SupportBot.AgentLink.PostgreSql;
using SupportBot.AgentLink.Store;
using SupportBot.Storage.PostgreSql;

namespace SupportBot.AgentLink;

/// <summary>Host wiring: <c>services.AddAgentLink(configuration)</c> and <c>app.MapAgentLink()</c>.</summary>
public static class AgentLinkExtensions
{
    /// <summary>
    /// Registers the agent link: options (<c>AgentLink</c> section, validated at start), the stores (PostgreSQL when
    /// <c>ConnectionStrings:SupportBot</c> is set, else SQLite in the shared file), pairing, tokens, the job queue, <see cref="IAgentPairing"/>, <see cref="IAgentPresence"/>, <see cref="IAgentCheckDispatcher"/>
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
        var connectionString = configuration.GetConnectionString(PostgreSqlStorage.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            AddPostgreSqlStores(services, connectionString);
        }
        else
        {
            services.AddSingleton(sp => new AgentTokens(
                AgentSigningKey.Resolve(sp.GetRequiredService<IOptions<AgentLinkOptions>>().Value.SigningKey, DataDirectory(sp, configuration)),
                sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton(sp => new AgentLinkDatabase(DatabasePath(sp, configuration)));
            services.AddSingleton<SqliteAgentLinkStore>();
            services.AddSingleton<IAgentLinkStore>(sp => sp.GetRequiredService<SqliteAgentLinkStore>());
            services.AddSingleton<IPairingFailureLog>(sp => sp.GetRequiredService<SqliteAgentLinkStore>());
            services.AddSingleton<IAgentJobStore, SqliteAgentJobStore>();
        }
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

    /// <summary>
    /// Links, pairing failures, jobs and (unless configured) the token signing key in PostgreSQL (several instances on
    /// one database). Shares the pool of the host's <see cref="PostgreSqlStorage"/> when it registered one, else opens (and owns) its own.
    /// </summary>
    private static void AddPostgreSqlStores(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(sp => sp.GetService<PostgreSqlStorage>() is { } storage
            ? new AgentLinkPostgreSqlDatabase(storage.Database)
            : AgentLinkPostgreSqlDatabase.Open(connectionString));
        services.AddSingleton<PostgreSqlAgentLinkStore>();
        services.AddSingleton<IAgentLinkStore>(sp => sp.GetRequiredService<PostgreSqlAgentLinkStore>());
        services.AddSingleton<IPairingFailureLog>(sp => sp.GetRequiredService<PostgreSqlAgentLinkStore>());
        services.AddSingleton<IAgentJobStore, PostgreSqlAgentJobStore>();
        // Every instance must accept every other's agent tokens: the configured key, else the one kept in the database.
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<AgentLinkOptions>>().Value.SigningKey;
            var key = string.IsNullOrWhiteSpace(configured)
                ? sp.GetRequiredService<AgentLinkPostgreSqlDatabase>().SharedSigningKey()
                : AgentSigningKey.Resolve(configured, dataDirectory: "");
            return new AgentTokens(key, sp.GetRequiredService<TimeProvider>());
        });
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
