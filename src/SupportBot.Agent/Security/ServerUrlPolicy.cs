using System.Net;

namespace SupportBot.Agent.Security;

/// <summary>The bot server must be reached over HTTPS; plain HTTP only to this machine (local runs and tests).</summary>
public static class ServerUrlPolicy
{
    /// <summary>Parses and checks a server URL; returns null and a reason when it is not acceptable.</summary>
    public static Uri? Validate(string? text, out string? reason)
    {
        reason = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            reason = "The server URL is not a valid absolute URL.";
            return null;
        }
        if (uri.Scheme == Uri.UriSchemeHttps) return uri;
        if (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)) return uri;
        reason = "The server URL must use https:// (http:// is allowed only for 127.0.0.1 or localhost).";
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
