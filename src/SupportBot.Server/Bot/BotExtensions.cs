using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Builder;

namespace SupportBot.Server.Bot;

/// <summary>Registers the SupportBot (the <see cref="IBot"/> every channel runs).</summary>
public static class BotExtensions
{
    /// <summary>Adds the bot: root dialog over the flows, the router running it, and (unless a helpdesk replaces it) a no-op escalator.</summary>
    public static WebApplicationBuilder AddSupportBot(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IFlowEscalator, NoHelpdeskEscalator>();
        builder.Services.AddSingleton<RootDialog>();
        builder.Services.AddSingleton<IConversationRouter, FlowConversationRouter>();
        builder.Services.AddSingleton<IBot, SupportBotHandler>();
        return builder;
    }
}
