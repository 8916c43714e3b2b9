using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Helpdesk;
using SupportBot.Helpdesk.Relay;
using SupportBot.Server.Bot;
using SupportBot.Server.Hosting;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Server.Helpdesk;

/// <summary>
/// The helpdesk in the host: tickets in the same data directory, staff messages posted into the user's chat,
/// the relay before the dialogs, <c>handoff.status</c> events, and flow escalations turned into tickets.
/// </summary>
public static class HelpdeskHostExtensions
{
    /// <summary>Registers the helpdesk (<see cref="HelpdeskExtensions.AddHelpdesk"/>) and the host's pieces of it.</summary>
    public static WebApplicationBuilder AddSupportBotHelpdesk(this WebApplicationBuilder builder)
    {
        // Tickets live in the bot's SQLite file unless Helpdesk:DatabasePath says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["Helpdesk:DatabasePath"]))
        {
            var dataDir = builder.Configuration[$"{ServerOptions.SectionName}:DataDir"] ?? "./data";
            builder.Configuration["Helpdesk:DatabasePath"] = Path.Combine(
                Path.GetFullPath(dataDir, builder.Environment.ContentRootPath), SqliteDatabase.FileName);
        }
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton<IHelpdeskUserMessenger, ChannelHelpdeskMessenger>());
        services.Replace(ServiceDescriptor.Singleton<IFlowEscalator, HelpdeskFlowEscalator>());
        services.AddSingleton<DirectLineTranscript>();
        services.AddSingleton<IIncomingMessageFilter, HelpdeskRelayFilter>();
        services.AddSingleton<IBotEventHandler, HandoffStatusEventHandler>();
        builder.AddHelpdesk();
        return builder;
    }

    /// <summary>Maps the staff console <c>/helpdesk</c> and its API <c>/api/helpdesk</c>.</summary>
    public static WebApplication MapSupportBotHelpdesk(this WebApplication app)
    {
        app.MapHelpdesk();
        return app;
    }
}
