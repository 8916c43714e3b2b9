using System.Text.RegularExpressions;
using SupportBot.Flows.Commands;
using SupportBot.Flows.Runtime;

namespace SupportBot.Flows.Tests.Commands;

/// <summary>dialogs/README.md shows each flow's generated Mermaid diagram; this keeps it current.</summary>
public class ReadmeDiagramTests
{
    [Theory]
    [InlineData("passage-license")]
    [InlineData("license-key")]
    public void Readme_FlowDiagram_EqualsGenerated(string flowId)
    {
        var path = Path.Combine(RepoPaths.Dialogs, "README.md");
        var flow = FlowCatalog.Load(RepoPaths.Dialogs).Latest(flowId)!;
        var expected = $"<!-- diagram:{flowId} (generated: flows graph {flowId} --format mermaid) -->\n```mermaid\n{FlowsCommand.Diagram(flow, "mermaid")}```\n<!-- /diagram:{flowId} -->";
        var pattern = new Regex($@"<!-- diagram:{flowId} .*?<!-- /diagram:{flowId} -->", RegexOptions.Singleline);
        var readme = File.ReadAllText(path);

        // Set UPDATE_FLOW_DIAGRAMS=1 to rewrite the README's diagrams after changing a flow.
        if (Environment.GetEnvironmentVariable("UPDATE_FLOW_DIAGRAMS") == "1")
        {
            File.WriteAllText(path, pattern.Replace(readme, expected.Replace("$", "$$", StringComparison.Ordinal)));
            readme = File.ReadAllText(path);
        }

        Assert.Contains(expected, readme);
    }
}
