using SupportBot.Schema;

namespace SupportBot.Dialogs.Choices;

/// <summary>An option the user can pick: a value, optional synonyms and an optional custom button.</summary>
public class Choice
{
    /// <summary>Creates an empty choice (for deserialization).</summary>
    public Choice()
    {
    }

    /// <summary>Creates a choice with a value and synonyms.</summary>
    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length > 0 ? [.. synonyms] : null;
    }

    /// <summary>The value returned when picked; also the button title.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Other words that pick this choice.</summary>
    public List<string>? Synonyms { get; set; }

    /// <summary>A custom button for suggested actions and hero cards (default: imBack of the value).</summary>
    public CardAction? Action { get; set; }
}
