using SupportBot.Connector.BotFramework;

namespace SupportBot.Server.BotFramework;

/// <summary>
/// The Bot Framework channel (Azure Bot Service: Teams, Web Chat through Azure, the Emulator) at <c>POST /api/messages</c>.
/// It runs the same <see cref="Builder.IBot"/> as Direct Line. Credentials are the Bot Framework keys at the
/// configuration root (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>); without <c>MicrosoftAppId</c> it accepts the Emulator only (anonymous).
/// An activity answered 202 is first written to the storage engine's <c>IActivityInbox</c> (registered by
/// <c>AddSupportBotStorage</c>), so it is still run if this process dies before its turn (issue #8).
/// </summary>
public static class BotFrameworkChannelExtensions
{
    /// <summary>Registers the channel's authentication, connector client, adapter and turn queue.</summary>
    public static WebApplicationBuilder AddBotFrameworkChannel(this WebApplicationBuilder builder)
    {
        builder.Services.AddBotFrameworkChannel(builder.Configuration);
        return builder;
    }

    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static WebApplication MapBotFrameworkChannel(this WebApplication app)
    {
        app.MapBotFrameworkMessages();
        return app;
    }
}
