using System.Net;

namespace SupportBot.Agent.Net;

/// <summary>Supplies "the system proxy" for probes in proxy mode <c>system</c>.</summary>
public interface ISystemProxy
{
    /// <summary>The proxy to use, or null when the system has none.</summary>
    IWebProxy? GetProxy();
}

/// <summary>
/// Windows: <see cref="HttpClient.DefaultProxy"/>, which follows the user's Internet Explorer / WinINet settings
/// (including auto-config scripts). Elsewhere: the proxy environment variables, read fresh for every probe.
/// </summary>
public sealed class SystemProxy(Func<string, string?> getVariable) : ISystemProxy
{
    /// <summary>Uses the real process environment.</summary>
    public SystemProxy() : this(Environment.GetEnvironmentVariable) { }

    /// <inheritdoc />
    public IWebProxy? GetProxy()
    {
        if (OperatingSystem.IsWindows()) return HttpClient.DefaultProxy;
        var settings = EnvironmentProxySettings.Read(getVariable);
        return settings.Enabled ? new EnvironmentWebProxy(settings) : null;
    }
}

/// <summary>An <see cref="IWebProxy"/> over <see cref="EnvironmentProxySettings"/>. Loopback is not bypassed unless no_proxy says so.</summary>
public sealed class EnvironmentWebProxy(EnvironmentProxySettings settings) : IWebProxy
{
    /// <inheritdoc />
    public ICredentials? Credentials { get; set; }

    /// <inheritdoc />
    public Uri? GetProxy(Uri destination) => settings.ProxyFor(destination);

    /// <inheritdoc />
    public bool IsBypassed(Uri host) => settings.ProxyFor(host) is null;
}
