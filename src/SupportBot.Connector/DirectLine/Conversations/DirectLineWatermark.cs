using System.Globalization;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>Parses client watermarks: absent, <c>""</c>, <c>"null"</c> and <c>"-"</c> all mean "none" (0).</summary>
public static class DirectLineWatermark
{
    /// <summary>The position after which the client wants activities; 400 for anything else than a non-negative integer.</summary>
    public static long Parse(string? watermark)
    {
        if (string.IsNullOrWhiteSpace(watermark) || watermark is "null" or "-" or "undefined")
        {
            return 0;
        }
        if (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }
        throw DirectLineException.BadArgument("The watermark must be a number.");
    }
}
