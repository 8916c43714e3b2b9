namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// The result of a prompt that reached <see cref="PromptOptions.MaxAttempts"/> without a valid answer.
/// Check it in the next waterfall step (<c>if (step.Result is PromptGaveUp gaveUp) ...</c>) and escalate.
/// </summary>
/// <param name="PromptId">The prompt's dialog id.</param>
/// <param name="Attempts">How many answers were rejected.</param>
/// <param name="LastInput">The last thing the user typed.</param>
public sealed record PromptGaveUp(string PromptId, int Attempts, string? LastInput);
