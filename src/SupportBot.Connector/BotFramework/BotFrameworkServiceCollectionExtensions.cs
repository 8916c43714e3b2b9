using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Builder;
using SupportBot.Connector.BotFramework.Teams;
using SupportBot.Connector.ConnectorClient;
using SupportBot.Storage;

namespace SupportBot.Connector.BotFramework;

/// <summary>DI registration of the Bot Framework channel (Azure Bot Service, Teams, Emulator).</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the channel: authentication and connector client (<c>AddBotConnectorClient</c>, Bot Framework key
    /// names at the configuration root), <see cref="BotFrameworkChannelOptions"/> (section <c>BotFramework</c>),
    /// <see cref="ChannelCapabilities"/>, the <see cref="BotFrameworkChannelAdapter"/> with the Teams middleware
    /// (mention stripping, tenant on replies, choices within the channel's limits, typing), the background
    /// turn queue and the inbox recovery. The host registers <see cref="IBot"/>, <see cref="IConversationStateStore"/>
    /// and, to survive the process dying, a durable <see cref="IActivityInbox"/> (else <see cref="NullActivityInbox"/>).
    /// </summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddBotConnectorClient(configuration);
        services.AddOptions<BotFrameworkChannelOptions>().Bind(configuration.GetSection(BotFrameworkChannelOptions.SectionName));
        services.TryAddSingleton<ChannelCapabilities>();
        services.TryAddSingleton(provider =>
        {
            var adapter = ActivatorUtilities.CreateInstance<BotFrameworkChannelAdapter>(provider);
            var capabilities = provider.GetRequiredService<ChannelCapabilities>();
            var options = provider.GetRequiredService<IOptions<BotFrameworkChannelOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            // Outermost first: addressing/mention fixes, then rendering, then typing around the bot.
            adapter.Use(new TeamsConversationMiddleware());
            adapter.Use(new ChannelRenderingMiddleware(capabilities));
            adapter.Use(new ShowTypingMiddleware(capabilities, options, time, provider.GetRequiredService<ILogger<ShowTypingMiddleware>>()));
            return adapter;
        });
        services.TryAddSingleton<BotFrameworkTurnQueue>();
        services.TryAddSingleton<BotFrameworkEndpoint>();
        services.TryAddSingleton(TimeProvider.System);
        // The host registers its engine's durable inbox (before or after this call); without one, nothing survives a restart.
        services.TryAddSingleton<IActivityInbox>(NullActivityInbox.Instance);
        services.AddHostedService<BotFrameworkInboxRecovery>();
        services.AddHostedService<BotFrameworkTurnWorker>();
        return services;
    }
}
