using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Helpdesk.Api;
using SupportBot.Helpdesk.Auth;
using SupportBot.Helpdesk.ConsolePage;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Helpdesk.Handoff;
using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.PostgreSql;
using SupportBot.Helpdesk.Relay;
using SupportBot.Helpdesk.Sqlite;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Helpdesk.Webhook;
using SupportBot.Storage.PostgreSql;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Helpdesk;

/// <summary>
/// Host wiring in two lines: <c>builder.AddHelpdesk();</c> and <c>app.MapHelpdesk();</c>.
/// The host should also register its <see cref="IHelpdeskUserMessenger"/> (otherwise notices are only
/// logged) and call <see cref="IHelpdeskRelay"/> / <see cref="EscalationService"/> / <see cref="HandoffStatusHandler"/> from the bot.
/// </summary>
public static class HelpdeskExtensions
{
    /// <summary>
    /// Registers the ticket store and webhook outbox (PostgreSQL when <c>ConnectionStrings:SupportBot</c> is set, else SQLite in the shared file), the webhook drainer, the claim-timeout check,
    /// escalation/relay services, the helpdesk authentication schemes and policies, and OpenAPI.
    /// </summary>
    public static IHostApplicationBuilder AddHelpdesk(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(HelpdeskOptions.Section);
        services.AddOptions<HelpdeskOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HelpdeskOptions>, HelpdeskOptionsValidator>());
        var options = section.Get<HelpdeskOptions>() ?? new HelpdeskOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var current = sp.GetRequiredService<IOptions<HelpdeskOptions>>().Value;
            return new TicketNumbering(current.TicketPrefix, TicketNumbering.FindZone(current.TimeZone));
        });
        var connectionString = builder.Configuration.GetConnectionString(PostgreSqlStorage.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            AddPostgreSqlStores(services, connectionString);
        }
        else
        {
            var databasePath = ResolveDatabasePath(options, builder.Configuration, builder.Environment.ContentRootPath);
            services.TryAddSingleton(_ => new HelpdeskDatabase(databasePath));
            services.TryAddSingleton<ITicketStore, SqliteTicketStore>();
            services.TryAddSingleton<IWebhookOutbox, SqliteWebhookOutbox>();
        }
        services.TryAddSingleton<IHelpdeskUserMessenger, LoggingUserMessenger>();
        services.TryAddSingleton<WebhookNudge>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<HandoffEventFactory>();
        services.TryAddSingleton<HandoffStatusHandler>();
        services.TryAddSingleton<EscalationService>();
        services.TryAddSingleton<UserNotifier>();
        services.TryAddSingleton<StaffActions>();
        services.TryAddSingleton<IHelpdeskRelay, HelpdeskRelay>();
        services.TryAddSingleton<StaffDirectory>();
        services.AddHttpClient(WebhookSender.HttpClientName);
        services.AddHostedService<WebhookDeliveryService>();
        services.AddHostedService<ClaimTimeoutService>();

        HelpdeskAuthentication.Add(services, options);
        if (options.MapOpenApi)
        {
            services.AddOpenApi();
        }
        return builder;
    }

    /// <summary>
    /// Tickets and outbox in PostgreSQL (several instances on one database). Shares the pool of the host's
    /// <see cref="PostgreSqlStorage"/> when it registered one, else opens (and owns) its own.
    /// </summary>
    private static void AddPostgreSqlStores(IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(sp => sp.GetService<PostgreSqlStorage>() is { } storage
            ? new HelpdeskPostgreSqlDatabase(storage.Database)
            : HelpdeskPostgreSqlDatabase.Open(connectionString));
        services.TryAddSingleton<ITicketStore, PostgreSqlTicketStore>();
        services.TryAddSingleton<IWebhookOutbox, PostgreSqlWebhookOutbox>();
    }

    /// <summary>Maps <c>/api/helpdesk/*</c>, the console at <c>/helpdesk</c>, and (unless switched off) <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapHelpdesk(this IEndpointRouteBuilder endpoints)
    {
        HelpdeskApi.Map(endpoints);
        HelpdeskConsole.Map(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<HelpdeskOptions>>().Value.MapOpenApi)
        {
            endpoints.MapOpenApi();
        }
        return endpoints;
    }

    /// <summary>
    /// <c>Helpdesk:DatabasePath</c>, else <c>supportbot.db</c> under <c>Storage:DataDirectory</c> (default <c>data</c>),
    /// relative paths resolved against the content root.
    /// </summary>
    public static string ResolveDatabasePath(HelpdeskOptions options, IConfiguration configuration, string contentRoot)
    {
        var path = options.DatabasePath
            ?? Path.Combine(configuration["Storage:DataDirectory"] ?? "data", SqliteDatabase.FileName);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}
