using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>Conversation, activity and user ids this Direct Line service hands out.</summary>
public static partial class DirectLineIds
{
    /// <summary>Prefix of user ids embedded in tokens (Azure's convention; Web Chat expects it).</summary>
    public const string UserPrefix = "dl_";

    /// <summary>A new unguessable conversation id (URL-safe).</summary>
    public static string NewConversationId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new user id <c>dl_…</c>.</summary>
    public static string NewUserId() => UserPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>The id of the activity at <paramref name="position"/>: <c>{conversation}|{position:D7}</c>.</summary>
    public static string ActivityId(string conversationId, long position) =>
        conversationId + "|" + position.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>An id for an activity that is only streamed (typing), unique but outside the watermark sequence.</summary>
    public static string TransientActivityId(string conversationId) =>
        conversationId + "|t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Whether <paramref name="activityId"/> was made by <see cref="TransientActivityId"/>.</summary>
    public static bool IsTransient(string? activityId) =>
        activityId is not null && activityId.LastIndexOf('|') is var bar and >= 0
        && bar + 1 < activityId.Length && activityId[bar + 1] == 't';

    /// <summary>
    /// The user id to embed in a token: a new <c>dl_</c> id when none was asked for, otherwise the
    /// requested id (prefixed with <c>dl_</c> when missing). 400 for ids outside 1–64 safe characters.
    /// </summary>
    public static string UserIdFor(string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return NewUserId();
        }
        if (!SafeUserId().IsMatch(requested))
        {
            throw DirectLineException.BadArgument("user.id must be 1-64 characters of letters, digits and - _ . : @");
        }
        return requested.StartsWith(UserPrefix, StringComparison.Ordinal) ? requested : UserPrefix + requested;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_.:@-]{1,64}$")]
    private static partial Regex SafeUserId();
}
