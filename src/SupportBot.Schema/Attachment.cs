using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>A card or file attached to an activity.</summary>
public class Attachment
{
    /// <summary>MIME type, e.g. <see cref="AttachmentContentTypes.AdaptiveCard"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Inline content (a card) as raw JSON, so nothing is lost on round-trip.</summary>
    public JsonElement? Content { get; set; }

    /// <summary>Where to download the content (don't send together with <see cref="Content"/>).</summary>
    public string? ContentUrl { get; set; }

    /// <summary>File name.</summary>
    public string? Name { get; set; }

    /// <summary>Thumbnail image URL.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Creates an attachment whose content is <paramref name="content"/> serialised with <see cref="BotJson.Options"/>.</summary>
    public static Attachment FromContent<T>(string contentType, T content) => new()
    {
        ContentType = contentType,
        Content = BotJson.ToElement(content),
    };

    /// <summary>Reads <see cref="Content"/> as <typeparamref name="T"/>; default when there is no content.</summary>
    public T? GetContent<T>() => Content is { } content ? BotJson.FromElement<T>(content) : default;
}
