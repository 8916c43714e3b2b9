using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;
using SupportBot.Agent.Net;
using SupportBot.Agent.Registry;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>
/// <c>proxy-settings</c>: the user's system proxy. Windows (or a .reg export holding the key): the Internet Settings
/// values ProxyEnable, ProxyServer, AutoConfigURL, ProxyOverride. Elsewhere: http_proxy / https_proxy / no_proxy.
/// Facts: source, enabled, server, autoConfigUrl, bypassList. Always pass when it could read the settings.
/// </summary>
public sealed class ProxySettingsCheck(IRegistryReader registry, Func<string, string?> getVariable) : ICheck
{
    private const string Key = AllowListOptions.InternetSettingsKey;

    /// <inheritdoc />
    public string Kind => CheckKinds.ProxySettings;

    /// <inheritdoc />
    public Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || registry.KeyExists(Key)) ReadInternetSettings(context);
        else ReadEnvironment(context);
        context.Status = CheckStatus.Pass;
        return Task.CompletedTask;
    }

    private void ReadInternetSettings(CheckContext context)
    {
        string? Read(string name)
        {
            // Same allow-list as registry-value: an administrator can narrow what this check may read.
            if (context.AllowList.FindRegistryValue(Key, name) is null) return null;
            return registry.ReadValue(Key, name)?.Text;
        }
        var enabled = Read("ProxyEnable") is { } flag && flag != "0";
        var server = StripCredentials(Read("ProxyServer"));
        var pac = Read("AutoConfigURL");
        var bypass = Read("ProxyOverride");
        context.Fact("source", "windows-internet-settings");
        Record(context, enabled, server, pac, bypass);
    }

    private void ReadEnvironment(CheckContext context)
    {
        var settings = EnvironmentProxySettings.Read(getVariable);
        context.Fact("source", "environment");
        var servers = new[] { settings.HttpProxy, settings.HttpsProxy }.OfType<Uri>()
            .Select(SecretMask.HostAndPort).Distinct().ToArray();
        Record(context, settings.Enabled, servers.Length == 0 ? null : string.Join(";", servers), null,
            settings.NoProxy.Count == 0 ? null : string.Join(";", settings.NoProxy));
    }

    private static void Record(CheckContext context, bool enabled, string? server, string? pac, string? bypass)
    {
        context.Fact("enabled", enabled);
        context.Fact("autoConfigured", pac is not null);
        if (server is not null) context.Fact("server", server);
        if (pac is not null) context.Fact("autoConfigUrl", pac);
        if (bypass is not null) context.Fact("bypassList", bypass);
        context.Evidence($"Proxy: {(enabled ? "enabled" : "disabled")}; server: {server ?? "-"}; auto-config: {pac ?? "-"}; bypass: {bypass ?? "-"}");
    }

    // "user:pw@proxy:8080" is possible in ProxyServer; results never carry credentials.
    private static string? StripCredentials(string? server) =>
        server is null ? null : string.Join(";", server.Split(';').Select(part => part.Contains('@') ? part[(part.LastIndexOf('@') + 1)..] : part));
}
