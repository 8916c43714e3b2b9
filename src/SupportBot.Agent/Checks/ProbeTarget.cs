using System.Net;
using SupportBot.Agent.Net;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>The shared first steps of network checks: an allow-listed URL and the proxy mode.</summary>
public static class ProbeTarget
{
    /// <summary>Proxy mode: use the OS / Internet Explorer proxy.</summary>
    public const string SystemMode = "system";

    /// <summary>Proxy mode: connect directly.</summary>
    public const string NoneMode = "none";

    /// <summary>The <c>url</c> parameter, refused unless the allow-list has it.</summary>
    public static Uri AllowedUrl(CheckContext context)
    {
        var text = context.Require("url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            throw new CheckParameterException($"'{text}' is not an absolute URL.");
        if (context.AllowList.FindUrl(url) is null)
            throw new CheckRefusedException($"URL not on this agent's allow-list: {url.GetLeftPart(UriPartial.Path)}");
        context.Fact("url", url.ToString());
        return url;
    }

    /// <summary>The proxy for this probe per the <c>proxyMode</c> parameter (default <c>system</c>); null = direct.</summary>
    public static IWebProxy? ChooseProxy(CheckContext context, Uri url, ISystemProxy systemProxy)
    {
        var mode = (context.Optional("proxyMode") ?? SystemMode).ToLowerInvariant();
        if (mode is not (SystemMode or NoneMode))
            throw new CheckParameterException($"proxyMode must be '{SystemMode}' or '{NoneMode}', not '{mode}'.");
        context.Fact("proxyMode", mode);
        var proxy = mode == SystemMode ? systemProxy.GetProxy() : null;
        var proxyUri = proxy is not null && !proxy.IsBypassed(url) ? proxy.GetProxy(url) : null;
        context.Fact("proxyUsed", proxyUri is not null);
        if (proxyUri is not null)
        {
            context.Fact("proxy", SecretMask.HostAndPort(proxyUri));
            context.Evidence($"Proxy: {SecretMask.HostAndPort(proxyUri)} (system settings)");
        }
        else
        {
            context.Evidence(mode == NoneMode ? "Proxy: not used (mode none)" : "Proxy: none applies (direct connection)");
        }
        return proxyUri is null ? null : proxy;
    }
}
