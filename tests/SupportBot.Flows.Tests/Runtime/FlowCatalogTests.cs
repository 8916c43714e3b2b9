using System.Text.Json;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;

namespace SupportBot.Flows.Tests.Runtime;

public class FlowCatalogTests
{
    [Fact]
    public void Reload_ChangedFlowUnderLiveSession_SessionFinishesOnOldVersion()
    {
        var dir = Directory.CreateTempSubdirectory("flows-pin-");
        var original = File.ReadAllText(Path.Combine(RepoPaths.Dialogs, "passage-license.yaml"));
        File.WriteAllText(Path.Combine(dir.FullName, "passage-license.yaml"), original);
        var catalog = FlowCatalog.Load(dir.FullName);
        var (live, _) = FlowSession.Start(catalog.Latest("passage-license")!);
        live.Send("はい");
        live.Send("12");
        var stored = JsonSerializer.Serialize(live.State);

        // The next version drops the countdown states entirely: the live conversation is in one of them.
        var changed = original.Replace("version: 2", "version: 3", StringComparison.Ordinal)
            .Replace("          goto: urgent\n        - goto: countdown-ok", "          goto: redraw\n        - goto: redraw", StringComparison.Ordinal);
        changed = RemoveState(RemoveState(changed, "urgent"), "countdown-ok");
        File.WriteAllText(Path.Combine(dir.FullName, "passage-license.yaml"), changed);
        Assert.Empty(catalog.Reload(dir.FullName));

        var resumed = FlowSession.Resume(catalog, JsonSerializer.Deserialize<FlowSessionState>(stored)!);
        Assert.Equal("2", resumed.Flow.Version);
        Assert.Equal("countdown-ok", resumed.State.State);
        resumed.Send("はい");
        var end = resumed.Send("はい");
        Assert.Equal(FlowOutcome.Resolved, end.Outcome);

        var (fresh, _) = FlowSession.Start(catalog.Latest("passage-license")!);
        Assert.Equal("3", fresh.Flow.Version);
        fresh.Send("はい");
        fresh.Send("12");
        Assert.Equal("redraw", fresh.State.State);
    }

    [Fact]
    public void Reload_WithErrors_KeepsPreviousFlows()
    {
        var dir = Directory.CreateTempSubdirectory("flows-bad-");
        File.Copy(Path.Combine(RepoPaths.Dialogs, "license-key.yaml"), Path.Combine(dir.FullName, "license-key.yaml"));
        var catalog = FlowCatalog.Load(dir.FullName);
        File.WriteAllText(Path.Combine(dir.FullName, "license-key.yaml"), "id: license-key\n");

        var errors = catalog.Reload(dir.FullName);

        Assert.NotEmpty(errors);
        Assert.Equal("2", catalog.Latest("license-key")!.Version);
    }

    [Fact]
    public void EnsureValid_WithErrors_ThrowsListingThem()
    {
        var dir = Directory.CreateTempSubdirectory("flows-invalid-");
        File.WriteAllText(Path.Combine(dir.FullName, "x.yaml"), "id: x\n");

        var e = Assert.Throws<SupportBot.Flows.Loading.FlowValidationException>(() => FlowCatalog.Load(dir.FullName).EnsureValid());

        Assert.Contains("x.yaml", e.Message);
        Assert.NotEmpty(e.Errors);
    }

    private static string RemoveState(string yaml, string id)
    {
        var start = yaml.IndexOf($"  - id: {id}\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("\n  - id: ", start + 1, StringComparison.Ordinal);
        return yaml.Remove(start, end + 1 - start);
    }
}
