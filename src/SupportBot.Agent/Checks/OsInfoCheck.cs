using System.Globalization;
using System.Runtime.InteropServices;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Checks;

/// <summary>
/// <c>os-info</c>: OS description and version, architectures, .NET runtime, cultures and time zone.
/// Deliberately no user name, machine name or domain (privacy). Always pass.
/// </summary>
public sealed class OsInfoCheck : ICheck
{
    /// <inheritdoc />
    public string Kind => CheckKinds.OsInfo;

    /// <inheritdoc />
    public Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var zone = context.Time.LocalTimeZone;
        var offset = zone.GetUtcOffset(context.Time.GetUtcNow());
        context.Fact("osDescription", RuntimeInformation.OSDescription);
        context.Fact("osVersion", Environment.OSVersion.Version.ToString());
        context.Fact("osPlatform", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsLinux() ? "linux" : "other");
        context.Fact("osArchitecture", RuntimeInformation.OSArchitecture.ToString());
        context.Fact("processArchitecture", RuntimeInformation.ProcessArchitecture.ToString());
        context.Fact("is64BitOs", Environment.Is64BitOperatingSystem);
        context.Fact("dotnetRuntime", RuntimeInformation.FrameworkDescription);
        context.Fact("culture", NameOf(CultureInfo.CurrentCulture));
        context.Fact("uiCulture", NameOf(CultureInfo.CurrentUICulture));
        context.Fact("timeZone", zone.Id);
        context.Fact("utcOffsetMinutes", offset.TotalMinutes);
        context.Evidence($"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}");
        context.Evidence($"Culture: {NameOf(CultureInfo.CurrentCulture)} / UI {NameOf(CultureInfo.CurrentUICulture)}; time zone {zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})");
        context.Status = CheckStatus.Pass;
        return Task.CompletedTask;
    }

    private static string NameOf(CultureInfo culture) => culture.Name.Length == 0 ? "invariant" : culture.Name;
}
