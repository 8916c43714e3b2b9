using SupportBot.Flows.Commands;

namespace SupportBot.Flows.Tests.Commands;

public class FlowsCommandTests
{
    [Fact]
    public void Validate_RepositoryDialogs_ReturnsZeroAndListsFlows()
    {
        var (code, output, error) = Run("flows", "validate");

        Assert.Equal(0, code);
        Assert.Contains("passage-license v2 OK", output);
        Assert.Contains("license-key v2 OK", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Validate_BrokenFlow_ReturnsOneWithFileAndState()
    {
        var dir = Directory.CreateTempSubdirectory("flows-");
        File.WriteAllText(Path.Combine(dir.FullName, "broken.yaml"), """
            id: broken
            version: 1
            title: { ja: 壊れたフロー }
            examples: { ja: [テスト] }
            start: a
            states:
              - id: a
                ask: { ja: 質問 }
                choices:
                  - id: x
                    label: { ja: X }
                    next: nowhere
            """);

        var (code, _, error) = Run(dir.FullName, "validate");

        Assert.Equal(1, code);
        Assert.Contains("broken.yaml:", error);
        Assert.Contains("state 'a': 'x' goes to unknown state 'nowhere'", error);
    }

    [Theory]
    [InlineData("mermaid", "stateDiagram-v2", "answered [remainingDays #lt;= 5]")]
    [InlineData("dot", "digraph", "answered [remainingDays <= 5]")]
    public void Graph_KnownFlow_PrintsDiagramWithGuards(string format, string expected, string guard)
    {
        var (code, output, _) = Run("graph", "passage-license", "--format", format);

        Assert.Equal(0, code);
        Assert.Contains(expected, output);
        Assert.Contains(guard, output);
    }

    [Fact]
    public void Graph_UnknownFlow_ReturnsOne()
    {
        var (code, _, error) = Run("graph", "nope");

        Assert.Equal(1, code);
        Assert.Contains("no flow 'nope'", error);
    }

    [Fact]
    public void Run_NoCommand_PrintsUsage()
    {
        var (code, _, error) = Run();

        Assert.Equal(2, code);
        Assert.Contains("usage", error);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var dir = RepoPaths.Dialogs;
        if (args.Length > 1 && Directory.Exists(args[0]))
        {
            dir = args[0];
            args = args[1..];
        }
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = FlowsCommand.Run(args, output, error, dir);
        return (code, output.ToString(), error.ToString());
    }
}
