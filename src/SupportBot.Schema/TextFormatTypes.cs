namespace SupportBot.Schema;

/// <summary>Values of <see cref="Activity.TextFormat"/>.</summary>
public static class TextFormatTypes
{
    /// <summary>Plain text (the default).</summary>
    public const string Plain = "plain";
    /// <summary>Markdown.</summary>
    public const string Markdown = "markdown";
    /// <summary>XML (legacy Skype markup).</summary>
    public const string Xml = "xml";
}
