using SupportBot.Dialogs.Choices;
using SupportBot.Schema;

namespace SupportBot.Dialogs.Prompts;

/// <summary>What a prompt asks and how it retries. Saved in the prompt's dialog state, so keep it JSON-serialisable.</summary>
public class PromptOptions
{
    /// <summary>The question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an unrecognised or invalid answer (default: <see cref="Prompt"/> again).</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The choices (choice and confirm prompts).</summary>
    public List<Choice>? Choices { get; set; }

    /// <summary>How choices are shown (default <see cref="ListStyle.Auto"/>).</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Extra data for validators (a <c>JsonElement</c> after a save/load).</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// After this many failed answers the prompt ends with a <see cref="PromptGaveUp"/> result instead of asking
    /// again, so the caller can escalate. Null = ask forever.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
