namespace SupportBot.Schema;

/// <summary>Values of <see cref="Activity.AttachmentLayout"/>.</summary>
public static class AttachmentLayoutTypes
{
    /// <summary>Attachments stacked vertically (the default).</summary>
    public const string List = "list";
    /// <summary>Attachments side by side, scrollable.</summary>
    public const string Carousel = "carousel";
}
