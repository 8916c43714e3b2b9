namespace SupportBot.Connector.Authentication;

/// <summary>Validates the <c>Authorization</c> header of an inbound Bot Framework activity (protocol.md §3).</summary>
public interface IChannelAuthenticator
{
    /// <summary>
    /// Authenticates one inbound request. <paramref name="channelId"/> and <paramref name="serviceUrl"/> come from the
    /// activity body; they are checked against the signing key's endorsements and the <c>serviceurl</c> claim.
    /// On success the serviceUrl is recorded in <see cref="ITrustedServiceUrls"/>.
    /// </summary>
    Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken);
}
