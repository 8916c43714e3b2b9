using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using SupportBot.Testing;

namespace SupportBot.Connector.Tests.Deploy;

/// <summary>
/// deploy/teams: package.sh fills the bot id and zips the app; the filled manifest is validated offline with
/// Microsoft's @microsoft/app-manifest package (schema bundled in the package), and a broken one is rejected.
/// </summary>
public sealed class TeamsAppPackageTests
{
    private const string BotAppId = "6f3a1f0e-1111-4c3b-9a52-0b1d7c2f0001";
    private static readonly string TeamsDir = Path.Combine(RepositoryRoot.Containing("deploy/teams/manifest.json"), "deploy", "teams");
    private static readonly string ValidateDir = Path.Combine(TeamsDir, "validate");

    [Fact]
    public async Task Package_contains_filled_manifest_and_icons_of_the_required_sizes()
    {
        var zipPath = (await RunAsync("bash", TeamsDir, "package.sh", BotAppId, "1.2.3")).Output.Trim();

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(manifestStream)!;
        Assert.Equal(BotAppId, (string?)manifest["id"]);
        Assert.Equal(BotAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal((192, 192), PngSize(zip.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(zip.GetEntry("outline.png")!));
    }

    [Fact]
    public async Task Filled_manifest_passes_microsoft_schema_validation_and_a_broken_one_fails()
    {
        await EnsureNodeModulesAsync();
        var filled = File.ReadAllText(Path.Combine(TeamsDir, "manifest.json"))
            .Replace("${BOT_APP_ID}", BotAppId, StringComparison.Ordinal)
            .Replace("${APP_VERSION}", "1.0.0", StringComparison.Ordinal);
        var good = Path.Combine(Path.GetTempPath(), $"teams-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(good, filled);

        var broken = JsonNode.Parse(filled)!;
        broken["bots"]![0]!.AsObject().Remove("botId");
        broken["accentColor"] = "blue";
        var bad = Path.Combine(Path.GetTempPath(), $"teams-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, broken.ToJsonString());
        try
        {
            var valid = await RunAsync("node", ValidateDir, "validate.js", good);
            Assert.Contains("VALID against bundled Teams schema v1.29", valid.Output);

            var invalid = await RunAsync("node", ValidateDir, "validate.js", bad, false);
            Assert.NotEqual(0, invalid.ExitCode);
            Assert.Contains("botId", invalid.Output);
            Assert.Contains("accentColor", invalid.Output);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    private static async Task EnsureNodeModulesAsync()
    {
        if (!Directory.Exists(Path.Combine(ValidateDir, "node_modules", "@microsoft", "app-manifest")))
        {
            await RunAsync("npm", ValidateDir, "ci", "--no-audit", "--no-fund");
        }
    }

    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string directory, params object[] args)
    {
        var expectSuccess = args.LastOrDefault() is not false;
        var arguments = args.OfType<string>().ToArray();
        var result = await ExternalProcess.RunAsync(file, directory, TimeSpan.FromMinutes(5), arguments);
        if (expectSuccess)
        {
            Assert.True(result.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Combined}");
        }

        return (result.ExitCode, result.Combined);
    }
}
