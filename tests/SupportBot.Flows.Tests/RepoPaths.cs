namespace SupportBot.Flows.Tests;

/// <summary>Finds the repository's <c>dialogs/</c> directory from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Dialogs { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln"))) return Path.Combine(dir.FullName, "dialogs");
        }
        throw new DirectoryNotFoundException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }
}
