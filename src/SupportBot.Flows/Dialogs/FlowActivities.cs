using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Builder;
using SupportBot.Flows.Runtime;
using SupportBot.Schema;

namespace SupportBot.Flows.Dialogs;

/// <summary>Turns engine messages into Bot Framework activities: text, imBack suggested actions, <c>channelData.supportBot</c>.</summary>
public static class FlowActivities
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One message activity for one engine message.</summary>
    public static Activity ToActivity(FlowMessage message, string? locale)
    {
        var activity = message.Actions.Count == 0
            ? MessageFactory.Text(message.Text)
            : MessageFactory.SuggestedActions(message.Actions.Select(a => CardAction.ImBack(a.Label)), message.Text);
        activity.Locale = locale;
        activity.ChannelData = JsonSerializer.SerializeToElement(new ChannelData(message.Place), Json);
        return activity;
    }

    /// <summary>Sends every message of a turn, in order.</summary>
    public static Task SendAsync(ITurnContext context, IEnumerable<FlowMessage> messages, string? locale, CancellationToken cancellationToken) =>
        context.SendActivitiesAsync([.. messages.Select(m => ToActivity(m, locale))], cancellationToken);

    private sealed record ChannelData(FlowPlace SupportBot);
}
