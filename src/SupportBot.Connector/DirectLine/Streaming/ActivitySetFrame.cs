using System.Globalization;
using System.Text;

namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>
/// Builds Direct Line ActivitySet JSON (<c>{"activities":[…],"watermark":"n"}</c>) from activities
/// that are already serialised, so stored JSON is sent as-is and never re-serialised.
/// </summary>
public static class ActivitySetFrame
{
    /// <summary>The ActivitySet for <paramref name="activitiesJson"/> with the watermark as a string.</summary>
    public static string Build(IEnumerable<string> activitiesJson, long watermark)
    {
        var builder = new StringBuilder("{\"activities\":[");
        var first = true;
        foreach (var json in activitiesJson)
        {
            if (!first)
            {
                builder.Append(',');
            }
            builder.Append(json);
            first = false;
        }
        return builder.Append("],\"watermark\":\"")
            .Append(watermark.ToString(CultureInfo.InvariantCulture))
            .Append("\"}")
            .ToString();
    }
}
