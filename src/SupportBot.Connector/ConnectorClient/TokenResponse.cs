using System.Globalization;
using System.Text.Json;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>Reads OAuth2 / managed-identity token responses (<c>expires_in</c> or <c>expires_on</c>, numbers or strings).</summary>
internal static class TokenResponse
{
    public static async Task<(string Token, TimeSpan Lifetime)> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The body of an AADSTS error names the cause (e.g. AADSTS700016: wrong tenant for a single-tenant app).
            throw new HttpRequestException($"Token request failed with {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var token = root.TryGetProperty("access_token", out var accessToken) ? accessToken.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new HttpRequestException("Token response has no access_token.");
        }

        if (ReadNumber(root, "expires_in") is { } expiresIn)
        {
            return (token, TimeSpan.FromSeconds(expiresIn));
        }

        if (ReadNumber(root, "expires_on") is { } expiresOn)
        {
            return (token, DateTimeOffset.FromUnixTimeSeconds(expiresOn) - time.GetUtcNow());
        }

        return (token, TimeSpan.FromMinutes(30));
    }

    private static long? ReadNumber(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    private static string Truncate(string body) => body.Length <= 500 ? body : body[..500];
}
