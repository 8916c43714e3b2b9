namespace SupportBot.Agent.Configuration;

/// <summary>The administrator-controlled allow-list. No wildcards: every host and key is spelled out.</summary>
public sealed record AllowListOptions
{
    /// <summary>URL prefixes the probes may contact (scheme, host, port and path prefix must match).</summary>
    public IReadOnlyList<AllowedUrl> Urls { get; set; } = [];

    /// <summary>Registry keys and the value names under them that may be read.</summary>
    public IReadOnlyList<AllowedRegistryValues> RegistryValues { get; set; } = [];

    /// <summary>Products whose installed version may be looked up.</summary>
    public IReadOnlyList<AllowedProduct> Products { get; set; } = [];

    /// <summary>The safe defaults for Passage (used when no configuration file exists).</summary>
    public static AllowListOptions PassageDefaults() => new()
    {
        Urls = [new AllowedUrl("https://passagelic.flexwp.yrl.com/", "ライセンスサーバー", "the license server")],
        RegistryValues =
        [
            new AllowedRegistryValues(@"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup", ["CorpId"], Sensitive: true),
            new AllowedRegistryValues(@"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var", ["CorpId"], Sensitive: true),
            new AllowedRegistryValues(InternetSettingsKey, ["ProxyEnable", "ProxyServer", "AutoConfigURL", "ProxyOverride"], Sensitive: false),
        ],
        Products = [new AllowedProduct("Passage", "Passage")],
    };

    /// <summary>Where Windows keeps the user's (Internet Explorer) proxy settings.</summary>
    public const string InternetSettingsKey = @"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Internet Settings";
}

/// <summary>One allowed URL prefix, with a friendly name for progress lines.</summary>
/// <param name="Url">e.g. <c>https://passagelic.flexwp.yrl.com/</c>.</param>
/// <param name="Label">Japanese name shown to the user, e.g. ライセンスサーバー.</param>
/// <param name="LabelEn">English name shown to the user.</param>
public sealed record AllowedUrl(string Url, string? Label = null, string? LabelEn = null);

/// <summary>Value names readable under one key.</summary>
/// <param name="Key">Full key path, e.g. <c>HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup</c>.</param>
/// <param name="Values">Value names (case-insensitive); <c>@</c> or empty for the default value.</param>
/// <param name="Sensitive">When true the value is only compared and shown masked.</param>
public sealed record AllowedRegistryValues(string Key, IReadOnlyList<string> Values, bool Sensitive = true);

/// <summary>A product whose version may be read.</summary>
/// <param name="Name">The name jobs use, e.g. <c>Passage</c>.</param>
/// <param name="DisplayNameContains">Matched against uninstall-key DisplayName (case-insensitive).</param>
/// <param name="VersionFile">Optional file holding the version on machines without uninstall keys.</param>
public sealed record AllowedProduct(string Name, string DisplayNameContains, string? VersionFile = null);
