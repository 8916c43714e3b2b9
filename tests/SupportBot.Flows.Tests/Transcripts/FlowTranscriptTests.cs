using SupportBot.Flows.Runtime;
using SupportBot.Flows.Transcripts;
using Xunit.Abstractions;

namespace SupportBot.Flows.Tests.Transcripts;

/// <summary>Runs every scripted conversation in <c>dialogs/*.tests.yaml</c> and enforces full transition and check-path coverage.</summary>
public class FlowTranscriptTests(ITestOutputHelper output)
{
    private static readonly Lazy<FlowCatalog> Catalog = new(() => FlowCatalog.Load(RepoPaths.Dialogs));

    public static TheoryData<string, string> AllTests()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, test) in LoadTests()) data.Add(file, test.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTests))]
    public void Transcript_Runs_AsScripted(string file, string name)
    {
        var test = LoadTests().Single(t => t.File == file && t.Test.Name == name).Test;
        var flow = Catalog.Value.Latest(test.Flow) ?? throw new InvalidOperationException($"no flow '{test.Flow}'");

        var result = TranscriptRunner.Run(flow, test);

        Assert.True(result.Failures.Count == 0, $"{file}:{test.Line} {name}\n" + string.Join("\n", result.Failures));
    }

    [Theory]
    [InlineData("passage-license")]
    [InlineData("license-key")]
    public void Transcripts_CoverEveryStateAndTransition(string flowId)
    {
        var flow = Catalog.Value.Latest(flowId)!;
        var results = LoadTests().Where(t => t.Test.Flow == flowId).Select(t => TranscriptRunner.Run(flow, t.Test)).ToList();
        var taken = results.SelectMany(r => r.Transitions).Select(t => t.Key).ToHashSet();
        var visited = results.SelectMany(r => r.States).ToHashSet();

        var checkPaths = results.SelectMany(r => r.CheckPaths).ToHashSet();
        var missing = flow.Transitions.Select(t => t.Key).Where(k => !taken.Contains(k)).ToList();
        var missingChecks = TranscriptCoverage.CheckKeys(flow).Where(k => !checkPaths.Contains(k)).ToList();
        var unvisited = flow.Definition.States.Select(s => s.Id).Where(s => !visited.Contains(s)).ToList();
        output.WriteLine($"{flowId}: transitions {flow.Transitions.Count - missing.Count}/{flow.Transitions.Count} " +
            $"({100.0 * (flow.Transitions.Count - missing.Count) / flow.Transitions.Count:F0}%), states {visited.Count}/{flow.Definition.States.Count}, " +
            $"check paths {TranscriptCoverage.CheckKeys(flow).Count - missingChecks.Count}/{TranscriptCoverage.CheckKeys(flow).Count}");

        Assert.True(missing.Count == 0, "transitions no scripted conversation takes:\n" + string.Join("\n", missing));
        Assert.True(missingChecks.Count == 0, "check paths no scripted conversation takes (agent: outcome / status):\n" + string.Join("\n", missingChecks));
        Assert.True(unvisited.Count == 0, "states never visited: " + string.Join(", ", unvisited));
    }

    private static IEnumerable<(string File, TranscriptTest Test)> LoadTests() =>
        Directory.EnumerateFiles(RepoPaths.Dialogs, "*.tests.yaml").Order()
            .SelectMany(path => TranscriptFile.Parse(File.ReadAllText(path), Path.GetFileName(path)).Select(t => (Path.GetFileName(path), t)));
}
