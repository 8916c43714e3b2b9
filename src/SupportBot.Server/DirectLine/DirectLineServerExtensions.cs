using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Connector.DirectLine.Tokens;
using SupportBot.Server.Hosting;
using SupportBot.Storage;

namespace SupportBot.Server.DirectLine;

/// <summary>Registers the self-hosted Direct Line 3.0 service.</summary>
public static class DirectLineServerExtensions
{
    /// <summary>CORS policy of the Direct Line API (protocol.md §5.1).</summary>
    public const string CorsPolicy = "DirectLine";

    /// <summary>Rate-limiter policy of the public token endpoint.</summary>
    public const string TokenRateLimitPolicy = "directline-token";

    /// <summary>Options (secret generated into the data directory when unset), services, CORS and the token rate limit.</summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .PostConfigure<IOptions<ServerOptions>, IHostEnvironment>((options, server, environment) =>
            {
                if (string.IsNullOrEmpty(options.Secret))
                {
                    options.Secret = DirectLineSecretFile.LoadOrCreate(server.Value.DataDirectoryFullPath(environment.ContentRootPath));
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PublicTokenOptions>()
            .BindConfiguration(PublicTokenOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<IDirectLineBroadcaster, InProcessDirectLineBroadcaster>();
        // The storage engine registers the real one (cross-instance on PostgreSQL); this is only the fallback.
        services.TryAddSingleton<IConversationLockProvider, InProcessConversationLockProvider>();
        services.AddSingleton<IDirectLineOutbox, DirectLineOutbox>();
        services.AddSingleton<IDirectLineTurnProcessor, DirectLineBotAdapter>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineStreamSession>();
        services.AddHostedService<ActivityNotificationsBridge>();

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<DirectLineOptions>>((cors, directLine) => cors.AddPolicy(CorsPolicy, policy =>
            {
                var origins = directLine.Value.AllowedOrigins;
                _ = origins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
                policy.WithMethods("GET", "POST", "OPTIONS")
                    .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")
                    .SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicTokenOptions>>((limiter, tokenOptions) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteTooManyRequestsAsync;
            limiter.AddPolicy(TokenRateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = tokenOptions.Value.PermitLimit,
                    Window = tokenOptions.Value.Window,
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "TooManyRequests", Detail = "Too many token requests from this address; try again later." };
        problem.Extensions["code"] = "TooManyRequests";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
