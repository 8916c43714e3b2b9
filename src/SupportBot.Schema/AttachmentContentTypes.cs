namespace SupportBot.Schema;

/// <summary>Common values of <see cref="Attachment.ContentType"/> for cards.</summary>
public static class AttachmentContentTypes
{
    /// <summary>Adaptive Card.</summary>
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    /// <summary>Hero card: title, text, images and buttons.</summary>
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    /// <summary>Thumbnail card.</summary>
    public const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";
    /// <summary>Sign-in card.</summary>
    public const string SigninCard = "application/vnd.microsoft.card.signin";
    /// <summary>OAuth card.</summary>
    public const string OAuthCard = "application/vnd.microsoft.card.oauth";
}
