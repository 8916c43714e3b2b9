using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace SupportBot.Server.Hosting;

/// <summary>Host plumbing every feature relies on: default address, body limit, problem+json errors, clock.</summary>
public static class ServerDefaultsExtensions
{
    /// <summary>The address used when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3978";

    /// <summary>Registers options, problem details, the exception handler and the clock; sets the default URL.</summary>
    public static WebApplicationBuilder AddServerDefaults(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var addressConfigured = !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!addressConfigured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<ServerOptions>()
            .BindConfiguration(ServerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServerOptions>>((kestrel, server) =>
            {
                kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes;
                kestrel.AddServerHeader = false;
            });

        // Behind a reverse proxy on this machine (the default trusted proxy is loopback only): the real
        // scheme makes streamUrl wss:// on https pages, the real address feeds the per-client rate limit.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        return builder;
    }

    /// <summary>Error handling first, so every failure below answers problem+json.</summary>
    public static WebApplication UseServerDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
