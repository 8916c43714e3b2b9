namespace SupportBot.Builder;

/// <summary>An ordered list of middleware; the first added runs outermost.</summary>
public class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    /// <summary>The registered middleware, in order.</summary>
    public IReadOnlyList<IMiddleware> Middleware => _middleware;

    /// <summary>Appends a middleware.</summary>
    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Runs the middleware, then <paramref name="callback"/> if every middleware called next.</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
        => RunAsync(turnContext, callback, 0, cancellationToken);

    /// <summary>Lets a set be nested inside another pipeline as a single middleware.</summary>
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        => RunAsync(turnContext, (ctx, ct) => next(ct), 0, cancellationToken);

    private Task RunAsync(ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(
            turnContext,
            ct => RunAsync(turnContext, callback, index + 1, ct),
            cancellationToken);
    }
}
