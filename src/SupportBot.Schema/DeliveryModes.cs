namespace SupportBot.Schema;

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    /// <summary>Replies go through the connector (the default).</summary>
    public const string Normal = "normal";
    /// <summary>Deliver as a notification.</summary>
    public const string Notification = "notification";
    /// <summary>Shown only to the recipient, not persisted.</summary>
    public const string Ephemeral = "ephemeral";
    /// <summary>Replies are returned synchronously in the HTTP response.</summary>
    public const string ExpectReplies = "expectReplies";
}
