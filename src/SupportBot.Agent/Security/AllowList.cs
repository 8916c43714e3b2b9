using SupportBot.Agent.Configuration;
using SupportBot.Agent.Registry;

namespace SupportBot.Agent.Security;

/// <summary>
/// The agent's own answer to "may I look at this?". The server never widens it: a job outside it is refused.
/// Matching is exact (no wildcards): URL scheme, host, port and path prefix; registry key path and value name; product name.
/// </summary>
public sealed class AllowList(AllowListOptions options)
{
    /// <summary>The allow-list configuration.</summary>
    public AllowListOptions Options { get; } = options;

    /// <summary>The matching URL rule, or null. URLs with user info or other schemes never match.</summary>
    public AllowedUrl? FindUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0) return null;
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) return null;
        return Options.Urls.FirstOrDefault(rule => Matches(rule, url));
    }

    /// <summary>The matching registry rule for this key and value name, or null.</summary>
    public AllowedRegistryValues? FindRegistryValue(string keyPath, string valueName)
    {
        var key = RegistryPath.Normalize(keyPath);
        if (key is null) return null;
        var name = valueName == "@" ? "" : valueName;
        return Options.RegistryValues.FirstOrDefault(rule =>
            RegistryPath.Comparer.Equals(RegistryPath.Normalize(rule.Key), key)
            && rule.Values.Any(v => string.Equals(v == "@" ? "" : v, name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The product rule with this name (case-insensitive), or null.</summary>
    public AllowedProduct? FindProduct(string name) =>
        Options.Products.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(AllowedUrl rule, Uri url)
    {
        if (!Uri.TryCreate(rule.Url, UriKind.Absolute, out var allowed)) return false;
        if (!string.Equals(allowed.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.Equals(allowed.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)) return false;
        if (allowed.Port != url.Port) return false;
        var prefix = allowed.AbsolutePath.EndsWith('/') ? allowed.AbsolutePath : allowed.AbsolutePath + "/";
        return url.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal) || url.AbsolutePath == allowed.AbsolutePath;
    }
}
