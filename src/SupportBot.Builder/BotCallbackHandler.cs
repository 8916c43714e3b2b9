namespace SupportBot.Builder;

/// <summary>The bot logic run at the end of the middleware pipeline (usually <see cref="IBot.OnTurnAsync"/>).</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
