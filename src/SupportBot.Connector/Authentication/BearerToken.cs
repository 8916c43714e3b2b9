namespace SupportBot.Connector.Authentication;

/// <summary>Extracts the token from an <c>Authorization: Bearer …</c> header.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer";

    /// <summary>The token, or null when the header is not a single non-empty Bearer credential.</summary>
    public static string? Parse(string? authorizationHeader)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return null;
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals(Scheme, StringComparison.OrdinalIgnoreCase) || parts[1].Contains(' '))
        {
            return null;
        }

        return parts[1];
    }
}
