using SupportBot.Builder;

namespace SupportBot.Server.Bot;

/// <summary>Registers the SupportBot (the <see cref="IBot"/> every channel runs).</summary>
public static class BotExtensions
{
    /// <summary>Adds the bot and, until the flows land, the placeholder router.</summary>
    public static WebApplicationBuilder AddSupportBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConversationRouter, PlaceholderConversationRouter>();
        builder.Services.AddSingleton<IBot, SupportBotHandler>();
        return builder;
    }
}
