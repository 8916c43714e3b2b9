namespace SupportBot.Testing;

/// <summary>Finds the repository's root from a test's output directory (tests read flows, harnesses and deploy files).</summary>
public static class RepositoryRoot
{
    /// <summary>The first directory above the test binaries that contains <paramref name="relativeMarker"/> (a file or folder).</summary>
    /// <exception cref="InvalidOperationException">No such directory above <see cref="AppContext.BaseDirectory"/>.</exception>
    public static string Containing(string relativeMarker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativeMarker);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{relativeMarker} not found above {AppContext.BaseDirectory}");
    }
}
