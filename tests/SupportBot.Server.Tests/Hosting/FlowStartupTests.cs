using SupportBot.Server.Hosting;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Hosting;

/// <summary>The host loads dialogs/ at start and refuses to start on any flow error; the flows command line.</summary>
public sealed class FlowStartupTests
{
    [Fact]
    public void BrokenFlowDirectory_HostRefusesToStart_ListingTheError()
    {
        var dialogs = CopyRepositoryDialogs();
        var file = Path.Combine(dialogs, "passage-license.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("next: remaining-days", "next: no-such-state", StringComparison.Ordinal));
        using var factory = new SupportBotFactory(settings: new Dictionary<string, string?> { ["SupportBot:DialogsDir"] = dialogs });
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            var message = Flatten(error);
            Assert.Contains("no-such-state", message, StringComparison.Ordinal);
            Assert.Contains("passage-license.yaml", message, StringComparison.Ordinal);
        }
        finally
        {
            SupportBotFactory.DeleteDataDir(factory.DataDir);
            Directory.Delete(dialogs, recursive: true);
        }
    }

    [Fact]
    public void FlowsValidate_OnTheRepositoryDialogs_ExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ServerCommandLine.Run(["flows", "validate"], TextReader.Null, output, error, RepositoryDialogs());
        Assert.True(exit == 0, error.ToString());
        Assert.Contains("passage-license", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("license-key", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FlowsValidate_FindsTheDialogsFolderOnItsOwn_AndNoCommandMeansTheWebHost()
    {
        using var output = new StringWriter();
        Assert.Equal(0, ServerCommandLine.Run(["flows", "validate"], TextReader.Null, output, TextWriter.Null));
        Assert.Null(ServerCommandLine.Run([], TextReader.Null, TextWriter.Null, TextWriter.Null));
        Assert.Null(ServerCommandLine.Run(["--urls", "http://127.0.0.1:0"], TextReader.Null, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void HelpdeskHashPassword_PrintsAHash()
    {
        using var output = new StringWriter();
        Assert.Equal(0, ServerCommandLine.Run(["helpdesk", "hash-password"], new StringReader("s3cret-pass\n"), output, TextWriter.Null));
        Assert.StartsWith("PBKDF2-SHA256$", output.ToString().Trim(), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
        }
        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.Flatten().InnerExceptions) text.AppendLine(Flatten(inner));
        }
        return text.ToString();
    }

    internal static string RepositoryDialogs()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "dialogs");
    }

    private static string CopyRepositoryDialogs()
    {
        var source = RepositoryDialogs();
        var target = Path.Combine(Path.GetTempPath(), "supportbot-dialogs-" + Guid.NewGuid().ToString("N"));
        foreach (var path in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(path, copy);
        }
        return target;
    }
}
