namespace SupportBot.Agent.Contracts;

/// <summary>Names of the check kinds an agent knows. Anything else is answered <see cref="CheckStatus.Unsupported"/>.</summary>
public static class CheckKinds
{
    /// <summary>DNS, TCP, TLS and HTTP to one allow-listed URL, with or without the system proxy.</summary>
    public const string HttpProbe = "http-probe";

    /// <summary>The user's system proxy settings.</summary>
    public const string ProxySettings = "proxy-settings";

    /// <summary>One value under an allow-listed registry key (sensitive values only compared and masked).</summary>
    public const string RegistryValue = "registry-value";

    /// <summary>Installed version of an allow-listed product, optionally compared with a minimum.</summary>
    public const string ProductVersion = "product-version";

    /// <summary>Local clock against the Date header of an allow-listed server.</summary>
    public const string ClockSkew = "clock-skew";

    /// <summary>Operating system, runtime, culture and time zone (no user or machine names).</summary>
    public const string OsInfo = "os-info";

    /// <summary>Every kind above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [HttpProbe, ProxySettings, RegistryValue, ProductVersion, ClockSkew, OsInfo];
}
