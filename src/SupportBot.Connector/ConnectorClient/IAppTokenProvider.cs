namespace SupportBot.Connector.ConnectorClient;

/// <summary>The bot's outbound app token for the Bot Connector.</summary>
public interface IAppTokenProvider
{
    /// <summary>
    /// A valid access token, or null in anonymous mode (no app id: send no Authorization header).
    /// Pass the token the connector just refused with 401 as <paramref name="rejectedToken"/> to force a new one;
    /// if another caller already replaced it, the replacement is returned without another token request.
    /// </summary>
    Task<string?> GetTokenAsync(string? rejectedToken, CancellationToken cancellationToken);
}

/// <summary>Anonymous mode: no token at all.</summary>
public sealed class NoAppTokenProvider : IAppTokenProvider
{
    /// <inheritdoc />
    public Task<string?> GetTokenAsync(string? rejectedToken, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
