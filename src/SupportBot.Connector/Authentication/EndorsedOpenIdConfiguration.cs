using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SupportBot.Connector.Authentication;

/// <summary>
/// OpenID configuration plus the Bot Framework's per-key <c>endorsements</c> (channel ids), which the
/// IdentityModel key model does not surface, and when it was fetched.
/// </summary>
public sealed class EndorsedOpenIdConfiguration : OpenIdConnectConfiguration
{
    internal EndorsedOpenIdConfiguration(string metadataJson) : base(metadataJson)
    {
    }

    /// <summary>Endorsed channel ids by key id. A key absent here carried no <c>endorsements</c> array.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements { get; internal set; } =
        new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>When this configuration was retrieved.</summary>
    public DateTimeOffset RetrievedAt { get; internal set; }

    /// <summary>True when a signing key with <paramref name="keyId"/> is present.</summary>
    public bool HasSigningKey(string keyId) =>
        SigningKeys.Any(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal));
}
