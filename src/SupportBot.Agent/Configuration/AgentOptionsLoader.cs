using System.Text.Json;

namespace SupportBot.Agent.Configuration;

/// <summary>Loads <see cref="AgentOptions"/> from a JSON file; the built-in Passage defaults when there is none.</summary>
public static class AgentOptionsLoader
{
    /// <summary>The file name looked for next to the program.</summary>
    public const string DefaultFileName = "appsettings.json";

    /// <summary>
    /// Reads <paramref name="explicitPath"/> (must exist) or appsettings.json next to the program (optional).
    /// Relative file paths inside the configuration are resolved against the configuration file's folder.
    /// </summary>
    public static AgentOptions Load(string? explicitPath)
    {
        var path = explicitPath ?? Path.Combine(AppContext.BaseDirectory, DefaultFileName);
        if (!File.Exists(path))
        {
            if (explicitPath is not null)
                throw new FileNotFoundException($"Configuration file not found: {explicitPath}", explicitPath);
            return new AgentOptions();
        }

        var options = JsonSerializer.Deserialize(File.ReadAllText(path), AgentConfigJsonContext.Default.AgentOptions)
            ?? throw new InvalidDataException($"Configuration file is empty: {path}");
        return ResolvePaths(Sanitize(options), Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    // Hand-edited files can hold nulls and half-written entries: drop them rather than crash or widen anything.
    private static AgentOptions Sanitize(AgentOptions options)
    {
        var allow = options.AllowList ?? new AllowListOptions();
        return options with
        {
            IdleTimeout = options.IdleTimeout > TimeSpan.Zero ? options.IdleTimeout : TimeSpan.FromMinutes(15),
            CheckTimeLimit = options.CheckTimeLimit > TimeSpan.Zero ? options.CheckTimeLimit : TimeSpan.FromSeconds(10),
            PollWaitSeconds = Math.Clamp(options.PollWaitSeconds, 1, 60),
            AllowList = new AllowListOptions
            {
                Urls = [.. (allow.Urls ?? []).Where(u => !string.IsNullOrWhiteSpace(u?.Url))],
                RegistryValues = [.. (allow.RegistryValues ?? []).Where(r => !string.IsNullOrWhiteSpace(r?.Key) && r.Values is not null)],
                Products = [.. (allow.Products ?? []).Where(p => !string.IsNullOrWhiteSpace(p?.Name) && !string.IsNullOrWhiteSpace(p.DisplayNameContains))],
            },
        };
    }

    private static AgentOptions ResolvePaths(AgentOptions options, string baseDirectory)
    {
        string? Resolve(string? file) => string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(file, baseDirectory);
        return options with
        {
            RegistryExportFile = Resolve(options.RegistryExportFile),
            AllowList = options.AllowList with
            {
                Products = [.. options.AllowList.Products.Select(p => p with { VersionFile = Resolve(p.VersionFile) })],
            },
        };
    }
}
