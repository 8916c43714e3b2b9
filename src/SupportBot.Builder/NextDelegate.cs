namespace SupportBot.Builder;

/// <summary>Continues the middleware pipeline with the next middleware (or the bot).</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);
