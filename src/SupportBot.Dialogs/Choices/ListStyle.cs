namespace SupportBot.Dialogs.Choices;

/// <summary>How choices are shown with a prompt.</summary>
public enum ListStyle
{
    /// <summary>Not shown (the prompt text lists them itself).</summary>
    None,

    /// <summary>Chosen by the library: suggested actions.</summary>
    Auto,

    /// <summary>In the text: "(1) A、 (2) B または (3) C".</summary>
    Inline,

    /// <summary>A numbered list in the text.</summary>
    List,

    /// <summary>imBack suggested actions (quick replies).</summary>
    SuggestedAction,

    /// <summary>A hero card with one imBack button per choice.</summary>
    HeroCard,
}
