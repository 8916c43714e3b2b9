namespace SupportBot.Builder;

/// <summary>A bot: handles one turn (one inbound activity).</summary>
public interface IBot
{
    /// <summary>Handles the inbound activity of <paramref name="turnContext"/>.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
