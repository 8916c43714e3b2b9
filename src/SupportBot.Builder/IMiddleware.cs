namespace SupportBot.Builder;

/// <summary>A step that runs around the bot on every turn (logging, transcripts, typing indicators...).</summary>
public interface IMiddleware
{
    /// <summary>Does its work and calls <paramref name="next"/> to continue the pipeline (or not, to short-circuit).</summary>
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
