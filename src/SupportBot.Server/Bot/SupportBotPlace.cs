using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Schema;

namespace SupportBot.Server.Bot;

/// <summary>
/// Where a bot message stands: <c>channelData.supportBot = { flow, state, progress }</c> on every
/// message (DESIGN.md §5). The widget's progress bar and the end-to-end tests read it.
/// </summary>
/// <param name="Flow">Flow id (<c>root</c> before a flow is chosen).</param>
/// <param name="State">State id inside the flow.</param>
/// <param name="Progress">Estimate 0..1 of how far along the flow is.</param>
public sealed record SupportBotPlace(
    [property: JsonPropertyName("flow")] string Flow,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("progress")] double Progress)
{
    /// <summary>The root menu shown at conversation start.</summary>
    public static SupportBotPlace Welcome { get; } = new("root", "welcome", 0);

    /// <summary>Puts this place into the activity's channelData (keeping any other channelData fields).</summary>
    public Activity ApplyTo(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } existing)
        {
            foreach (var property in existing.EnumerateObject())
            {
                channelData[property.Name] = property.Value.Clone();
            }
        }
        channelData["supportBot"] = JsonSerializer.SerializeToElement(this);
        activity.ChannelData = JsonSerializer.SerializeToElement(channelData);
        return activity;
    }
}
