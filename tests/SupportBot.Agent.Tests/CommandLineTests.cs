using SupportBot.Agent.Cli;
using SupportBot.Agent.Configuration;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void ParsesPair()
    {
        var line = CommandLine.Parse(["pair", "K7P2QX", "--server", "https://bot.example/", "--config", "a.json", "--lang", "en"]);

        Assert.Null(line.Error);
        Assert.Equal((CommandLine.Pair, "K7P2QX", "https://bot.example/", "a.json", "en"), (line.Command, line.Argument, line.Server, line.ConfigPath, line.Language));
    }

    [Fact]
    public void ParsesRunCheckParameters()
    {
        var line = CommandLine.Parse(["run-check", "http-probe", "--param", "url=https://x/?a=b", "--param", "proxyMode=none"]);

        Assert.Equal("https://x/?a=b", line.Parameters["url"]);
        Assert.Equal("none", line.Parameters["proxyMode"]);
    }

    [Theory]
    [InlineData("pair", "CODE")]
    [InlineData("run-check")]
    [InlineData("explode")]
    [InlineData("run-check", "os-info", "--param", "novalue")]
    [InlineData("pair", "CODE", "--server")]
    public void RejectsIncompleteCommands(params string[] args) => Assert.NotNull(CommandLine.Parse(args).Error);

    [Theory]
    [InlineData("https://bot.example/", true)]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://bot.example/", false)]
    [InlineData("http://127.0.0.1.evil.example/", false)]
    [InlineData("ftp://bot.example/", false)]
    [InlineData("https://user:pw@bot.example/", false)]
    public void ServerMustBeHttpsExceptLoopback(string url, bool ok) =>
        Assert.Equal(ok, ServerUrlPolicy.Validate(url, out _) is not null);

    [Fact]
    public void ShippedConfigurationEqualsTheBuiltInDefaults()
    {
        var shipped = AgentOptionsLoader.Load(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        var defaults = AllowListOptions.PassageDefaults();

        Assert.Equal(defaults.Urls, shipped.AllowList.Urls);
        Assert.Equal(defaults.Products, shipped.AllowList.Products);
        Assert.Equal(defaults.RegistryValues.Select(r => (r.Key, string.Join(",", r.Values), r.Sensitive)),
            shipped.AllowList.RegistryValues.Select(r => (r.Key, string.Join(",", r.Values), r.Sensitive)));
        Assert.Equal(TimeSpan.FromMinutes(15), shipped.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), shipped.CheckTimeLimit);
    }

    [Fact]
    public void PartialConfigurationKeepsDefaultsForWhatItOmits()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            // comments are allowed
            { "pollWaitSeconds": 5, "registryExportFile": "x.reg",
              "allowList": { "urls": [ { "url": "http://127.0.0.1:8765/" }, { "label": "no url" } ],
                             "registryValues": [ { "key": "HKLM\\SOFTWARE\\X" } ] } }
            """);
        try
        {
            var options = AgentOptionsLoader.Load(path);

            Assert.Equal(TimeSpan.FromMinutes(15), options.IdleTimeout);
            Assert.Equal(TimeSpan.FromSeconds(10), options.CheckTimeLimit);
            Assert.Equal(5, options.PollWaitSeconds);
            Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "x.reg"), options.RegistryExportFile);
            Assert.Equal("http://127.0.0.1:8765/", Assert.Single(options.AllowList.Urls).Url);
            Assert.Empty(options.AllowList.RegistryValues); // an entry without values widens nothing
            Assert.Empty(options.AllowList.Products);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingExplicitConfigurationIsAnError() =>
        Assert.Throws<FileNotFoundException>(() => AgentOptionsLoader.Load("/nonexistent/agent.json"));

    [Fact]
    public async Task HelpListsTheCommands()
    {
        var output = new StringWriter();

        var exit = await AgentProgram.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("pair <code> --server <url>", output.ToString());
        Assert.Contains("run-check <kind>", output.ToString());
    }
}
