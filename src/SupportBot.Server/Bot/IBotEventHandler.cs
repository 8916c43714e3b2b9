using SupportBot.Builder;

namespace SupportBot.Server.Bot;

/// <summary>Handles inbound <c>event</c> activities by name (e.g. <c>handoff.status</c>).</summary>
public interface IBotEventHandler
{
    /// <summary>Whether this handler takes the event.</summary>
    bool CanHandle(SupportBot.Schema.Activity activity);

    /// <summary>Handles the event; must not throw for bad input (the channel always gets 200).</summary>
    Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
