using SupportBot.Agent.Configuration;
using SupportBot.Agent.Net;
using SupportBot.Agent.Registry;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>Wires the check kinds to their readers: the one place that decides live registry vs .reg export.</summary>
public static class CheckCatalog
{
    /// <summary>A runner with every check kind, configured by <paramref name="options"/>.</summary>
    public static CheckRunner CreateRunner(AgentOptions options, TimeProvider time, Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var registry = CreateRegistryReader(options);
        var proxy = new SystemProxy(getVariable);
        ICheck[] checks =
        [
            new HttpProbeCheck(proxy),
            new ProxySettingsCheck(registry, getVariable),
            new RegistryValueCheck(registry),
            new ProductVersionCheck(registry),
            new ClockSkewCheck(proxy),
            new OsInfoCheck(),
        ];
        return new CheckRunner(checks, new AllowList(options.AllowList), time, options.CheckTimeLimit);
    }

    /// <summary>The configured .reg export when set; otherwise the live registry on Windows, an empty one elsewhere.</summary>
    public static IRegistryReader CreateRegistryReader(AgentOptions options)
    {
        if (options.RegistryExportFile is { } file) return new RegFileRegistryReader(file);
        return OperatingSystem.IsWindows() ? new WindowsRegistryReader() : new EmptyRegistryReader();
    }
}
