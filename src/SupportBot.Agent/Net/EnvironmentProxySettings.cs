namespace SupportBot.Agent.Net;

/// <summary>
/// Proxy settings from the conventional environment variables (http_proxy, https_proxy, no_proxy, lower or upper case),
/// which is what "the system proxy" means on Linux and macOS.
/// </summary>
/// <param name="HttpProxy">Proxy for http:// URLs, or null.</param>
/// <param name="HttpsProxy">Proxy for https:// URLs, or null.</param>
/// <param name="NoProxy">Hosts (or domain suffixes) that bypass the proxy.</param>
public sealed record EnvironmentProxySettings(Uri? HttpProxy, Uri? HttpsProxy, IReadOnlyList<string> NoProxy)
{
    /// <summary>Whether any proxy is configured.</summary>
    public bool Enabled => HttpProxy is not null || HttpsProxy is not null;

    /// <summary>Reads the variables through <paramref name="getVariable"/> (so tests need not touch the process environment).</summary>
    public static EnvironmentProxySettings Read(Func<string, string?> getVariable)
    {
        string? Get(string name) => getVariable(name) is { Length: > 0 } v ? v : getVariable(name.ToUpperInvariant()) is { Length: > 0 } u ? u : null;
        var all = ParseProxy(Get("all_proxy"));
        var http = ParseProxy(Get("http_proxy")) ?? all;
        var https = ParseProxy(Get("https_proxy")) ?? all;
        var noProxy = (Get("no_proxy") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new EnvironmentProxySettings(http, https, noProxy);
    }

    /// <summary>The proxy for <paramref name="target"/>, or null when none applies.</summary>
    public Uri? ProxyFor(Uri target)
    {
        if (IsBypassed(target)) return null;
        return target.Scheme == Uri.UriSchemeHttps ? HttpsProxy : HttpProxy;
    }

    /// <summary>no_proxy semantics: <c>*</c>, exact host, or domain suffix (<c>.corp.local</c> or <c>corp.local</c>).</summary>
    public bool IsBypassed(Uri target)
    {
        var host = target.IdnHost.Trim('[', ']');
        foreach (var entry in NoProxy)
        {
            if (entry == "*") return true;
            var bare = entry.Split(':')[0].TrimStart('.');
            if (string.Equals(host, bare, StringComparison.OrdinalIgnoreCase)) return true;
            if (host.EndsWith("." + bare, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static Uri? ParseProxy(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
    }
}
