using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;
using SupportBot.Agent.Registry;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>
/// <c>product-version</c>: the installed version of an allow-listed product. Parameters: <c>product</c> (e.g. Passage),
/// optional <c>minimum</c> (e.g. 2.5.0). Looks at DisplayName/DisplayVersion under the Uninstall keys (64- and
/// 32-bit views), then at the product's configured version file. Pass = installed and at least the minimum.
/// </summary>
public sealed class ProductVersionCheck(IRegistryReader registry) : ICheck
{
    /// <summary>The uninstall keys searched, 64-bit view first.</summary>
    public static readonly IReadOnlyList<string> UninstallKeys =
    [
        @"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
        @"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
    ];

    private const int MaxVersionFileBytes = 256;

    /// <inheritdoc />
    public string Kind => CheckKinds.ProductVersion;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var productName = context.Require("product");
        var product = context.AllowList.FindProduct(productName)
            ?? throw new CheckRefusedException($"Product not on this agent's allow-list: {productName}");
        var minimumText = context.Optional("minimum");
        var minimum = minimumText is null ? null
            : VersionText.Parse(minimumText) ?? throw new CheckParameterException($"minimum '{minimumText}' is not a version.");

        context.Fact("product", product.Name);
        var found = FromUninstallKeys(context, product) ?? await FromFileAsync(product, cancellationToken).ConfigureAwait(false);
        context.Fact("installed", found is not null);
        if (found is not { } hit)
        {
            context.Evidence($"{product.Name}: not found in the uninstall list{(product.VersionFile is null ? "" : " or the version file")}");
            context.Status = CheckStatus.Fail;
            context.Reason = "Not installed (or not found).";
            return;
        }
        var (versionText, source) = hit;
        context.Fact("version", versionText);
        context.Fact("source", source);
        context.Evidence($"{product.Name}: version {versionText} ({source})");
        var version = VersionText.Parse(versionText);
        var ok = true;
        if (minimum is not null)
        {
            context.Fact("minimum", minimumText!);
            var atLeast = version is not null && version >= minimum;
            context.Fact("atLeast", atLeast);
            context.Evidence($"{product.Name}: {versionText} {(atLeast ? ">=" : "<")} {minimumText}");
            ok = atLeast;
        }
        context.Status = ok ? CheckStatus.Pass : CheckStatus.Fail;
    }

    private (string, string)? FromUninstallKeys(CheckContext context, AllowedProduct product)
    {
        foreach (var root in UninstallKeys)
        {
            foreach (var sub in registry.GetSubKeyNames(root).Order(StringComparer.OrdinalIgnoreCase))
            {
                var key = root + "\\" + sub;
                var displayName = registry.ReadValue(key, "DisplayName")?.Text;
                if (displayName is null || !displayName.Contains(product.DisplayNameContains, StringComparison.OrdinalIgnoreCase)) continue;
                var version = registry.ReadValue(key, "DisplayVersion")?.Text.Trim();
                if (string.IsNullOrEmpty(version)) continue;
                context.Fact("displayName", displayName);
                return (version, root.Contains("WOW6432Node", StringComparison.Ordinal) ? "uninstall-32bit" : "uninstall");
            }
        }
        return null;
    }

    private static async Task<(string, string)?> FromFileAsync(AllowedProduct product, CancellationToken ct)
    {
        // Only the file the administrator named in the configuration, and only its first few bytes.
        if (product.VersionFile is null || !File.Exists(product.VersionFile)) return null;
        await using var stream = File.OpenRead(product.VersionFile);
        var buffer = new byte[MaxVersionFileBytes];
        var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
        var firstLine = System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim('\uFEFF').Split('\n')[0].Trim();
        return firstLine.Length == 0 ? null : (firstLine, "version-file");
    }
}
