using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Connector.Authentication;

/// <summary>
/// Fetches the OpenID metadata and its JWKS, and reads each key's raw <c>endorsements</c> array alongside
/// the keys IdentityModel builds, so the endorsement check sees exactly what the issuer published.
/// </summary>
internal sealed class EndorsedOpenIdConfigurationRetriever(TimeProvider time) : IConfigurationRetriever<EndorsedOpenIdConfiguration>
{
    public async Task<EndorsedOpenIdConfiguration> GetConfigurationAsync(
        string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadataJson = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        var configuration = new EndorsedOpenIdConfiguration(metadataJson);
        if (string.IsNullOrEmpty(configuration.JwksUri))
        {
            throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");
        }

        var keysJson = await retriever.GetDocumentAsync(configuration.JwksUri, cancel).ConfigureAwait(false);
        configuration.JsonWebKeySet = new JsonWebKeySet(keysJson);
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        configuration.Endorsements = ReadEndorsements(keysJson);
        configuration.RetrievedAt = time.GetUtcNow();
        return configuration;
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string keysJson)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(keysJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                && key.TryGetProperty("endorsements", out var endorsements) && endorsements.ValueKind == JsonValueKind.Array)
            {
                result[kid.GetString()!] = endorsements.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }

        return result;
    }
}
