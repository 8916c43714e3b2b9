using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Helpdesk.Webhook;

/// <summary>
/// The webhook's signature headers. Receivers should: recompute
/// <c>sha256=hex(HMAC-SHA256(secret, raw body))</c> and compare in constant time; reject a
/// <see cref="TimestampHeader"/> more than 5 minutes off (the same timestamp is inside the signed body);
/// and drop a <see cref="DeliveryHeader"/> they have already processed (retries reuse it).
/// </summary>
public static class WebhookSignature
{
    /// <summary>Signature header.</summary>
    public const string SignatureHeader = "X-SupportBot-Signature";

    /// <summary>Unix seconds when the attempt was made (also <c>timestamp</c> in the body).</summary>
    public const string TimestampHeader = "X-SupportBot-Timestamp";

    /// <summary>Delivery id; the same across retries of one item.</summary>
    public const string DeliveryHeader = "X-SupportBot-Delivery";

    /// <summary>Event name, e.g. <c>ticket.created</c>.</summary>
    public const string EventHeader = "X-SupportBot-Event";

    /// <summary><c>sha256=</c> + lower-case hex HMAC-SHA256 of <paramref name="body"/> keyed with <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
        => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time check of a received signature header.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
        => header is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
