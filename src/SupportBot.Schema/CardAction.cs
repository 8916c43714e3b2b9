using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>A clickable action on a card or in <see cref="SuggestedActions"/>.</summary>
public class CardAction
{
    /// <summary>Creates an empty action.</summary>
    public CardAction()
    {
    }

    /// <summary>Creates an action of <paramref name="type"/> with a title and a string value.</summary>
    public CardAction(string type, string? title = null, string? value = null)
    {
        Type = type;
        Title = title;
        Value = value is null ? null : BotJson.ToElement(value);
    }

    /// <summary>One of <see cref="ActionTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>Button text.</summary>
    public string? Title { get; set; }

    /// <summary>Button image URL.</summary>
    public string? Image { get; set; }

    /// <summary>Alt text of <see cref="Image"/>.</summary>
    public string? ImageAltText { get; set; }

    /// <summary>Text sent for <c>messageBack</c>.</summary>
    public string? Text { get; set; }

    /// <summary>Text shown in the feed for <c>messageBack</c>.</summary>
    public string? DisplayText { get; set; }

    /// <summary>Action payload (string or object) as raw JSON.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Channel-specific data as raw JSON.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An <c>imBack</c> action that posts <paramref name="value"/> (default: the title) as user text.</summary>
    public static CardAction ImBack(string title, string? value = null) => new(ActionTypes.ImBack, title, value ?? title);

    /// <summary><see cref="Value"/> as a string when it is a JSON string, otherwise null.</summary>
    [JsonIgnore]
    public string? ValueAsString => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
