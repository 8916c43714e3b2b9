using System.Text.Json;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// What the user's PC looks like to the helper in these tests, written into a temp folder: the helper's own
/// configuration (its allow-list names only <paramref name="allowedUrls"/>, the two Passage CorpId keys and
/// Passage), a Registry Editor export with the two CorpId values (there is no registry here), and the file the
/// administrator named as Passage's version file.
/// </summary>
public sealed class HelperPcFiles : IDisposable
{
    private HelperPcFiles(string directory) => Directory = directory;

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "agent.json");

    public static HelperPcFiles Write(IEnumerable<string> allowedUrls, string corpIdSetup = "ABC123", string corpIdVar = "ABC123", string passageVersion = "2.6.0")
    {
        var files = new HelperPcFiles(Path.Combine(Path.GetTempPath(), "supportbot-helper-pc-" + Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(files.Directory);
        var regPath = Path.Combine(files.Directory, "passage.reg");
        File.WriteAllText(regPath, $"""
            Windows Registry Editor Version 5.00

            [HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup]
            "CorpId"="{corpIdSetup}"

            [HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var]
            "CorpId"="{corpIdVar}"

            """);
        var versionPath = Path.Combine(files.Directory, "passage-version.txt");
        File.WriteAllText(versionPath, passageVersion + "\n");
        File.WriteAllText(files.ConfigPath, JsonSerializer.Serialize(new
        {
            idleTimeout = "00:03:00",
            checkTimeLimit = "00:00:10",
            pollWaitSeconds = 20,
            registryExportFile = regPath,
            allowList = new
            {
                urls = allowedUrls.Select(u => new { url = u, label = "ライセンスサーバー", labelEn = "the license server" }).ToArray(),
                registryValues = new[]
                {
                    new { key = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup", values = new[] { "CorpId" }, sensitive = true },
                    new { key = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var", values = new[] { "CorpId" }, sensitive = true },
                },
                products = new[] { new { name = "Passage", displayNameContains = "Passage", versionFile = versionPath } },
            },
        }));
        return files;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
