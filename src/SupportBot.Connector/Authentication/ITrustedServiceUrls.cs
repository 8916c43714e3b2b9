namespace SupportBot.Connector.Authentication;

/// <summary>
/// serviceUrls the bot may send its app token to. A URL becomes trusted only when an authenticated inbound
/// activity carried it, so the bot never replies (with credentials) to an arbitrary URL from a request body.
/// An interface so the registry can move to shared storage when the host scales out.
/// </summary>
public interface ITrustedServiceUrls
{
    /// <summary>Records (or renews) trust in <paramref name="serviceUrl"/>.</summary>
    void Trust(string serviceUrl);

    /// <summary>True when <paramref name="serviceUrl"/> was trusted and has not expired.</summary>
    bool IsTrusted(string serviceUrl);
}
