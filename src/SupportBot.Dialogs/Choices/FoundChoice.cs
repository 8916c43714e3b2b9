namespace SupportBot.Dialogs.Choices;

/// <summary>The choice recognised in the user's text.</summary>
public class FoundChoice
{
    /// <summary>The picked choice's value.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Its index in the list.</summary>
    public int Index { get; set; }

    /// <summary>1.0 for exact or ordinal matches, lower for contains matches.</summary>
    public double Score { get; set; }

    /// <summary>The value or synonym that matched.</summary>
    public string? Synonym { get; set; }
}
