namespace SupportBot.Dialogs.Prompts;

/// <summary>Decides whether a recognised answer is acceptable; may send its own message (then no retry prompt is sent).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
