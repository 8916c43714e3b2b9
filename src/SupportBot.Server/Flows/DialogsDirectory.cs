namespace SupportBot.Server.Flows;

/// <summary>
/// Finds the flow files: <c>SupportBot:DialogsDir</c> when set (relative to the content root), otherwise the
/// nearest <c>dialogs</c> folder holding <c>*.yaml</c> from the content root upward (the repository's folder under
/// <c>dotnet run</c>), then from the application folder upward (the copy the build puts next to the binaries).
/// </summary>
public static class DialogsDirectory
{
    /// <summary>The configuration key of the flow directory.</summary>
    public const string ConfigurationKey = "SupportBot:DialogsDir";

    /// <summary>The folder name searched for.</summary>
    public const string FolderName = "dialogs";

    /// <summary>The flow directory as an absolute path (the default location when nothing is found).</summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        return FindUpward(contentRoot) ?? FindUpward(AppContext.BaseDirectory) ?? Path.Combine(AppContext.BaseDirectory, FolderName);
    }

    private static string? FindUpward(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any())
            {
                return candidate;
            }
        }
        return null;
    }
}
