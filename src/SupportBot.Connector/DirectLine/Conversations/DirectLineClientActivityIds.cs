using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// The id a client stamps on a user activity (<c>channelData.clientActivityID</c>, Web Chat): the same on a
/// resend after a lost POST response, so the conversation can recognise the activity it already logged.
/// </summary>
public static class DirectLineClientActivityIds
{
    /// <summary>The channelData property Web Chat fills.</summary>
    public const string PropertyName = "clientActivityID";

    /// <summary>
    /// The client activity id of a user-sent message or event; null for other types or when absent (or not a
    /// string). 400 when it is longer than <see cref="IActivityLog.MaxClientActivityIdLength"/>.
    /// </summary>
    public static string? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event)
            || activity.ChannelData is not { ValueKind: JsonValueKind.Object } channelData
            || !channelData.TryGetProperty(PropertyName, out var property)
            || property.ValueKind != JsonValueKind.String
            || property.GetString() is not { Length: > 0 } id)
        {
            return null;
        }
        return id.Length <= IActivityLog.MaxClientActivityIdLength
            ? id
            : throw DirectLineException.BadArgument(
                $"channelData.{PropertyName} is longer than {IActivityLog.MaxClientActivityIdLength} characters.");
    }
}
