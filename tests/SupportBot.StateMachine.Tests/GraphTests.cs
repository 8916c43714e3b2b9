using SupportBot.StateMachine.Graph;

namespace SupportBot.StateMachine.Tests;

public class GraphTests
{
    private const string ExpectedDot = """
digraph {
compound=true;
node [shape=Mrecord];
rankdir="LR";
"Idle" [label="Idle"];
subgraph "cluster_Support" {
	label="Support";
	"Support" [label="Support|entry / greet\nexit / say bye"];
	"Checking" [label="Checking"];
	"Done" [label="Done"];
}
"Idle" -> "Support" [label="start"];
"Support" -> "Idle" [label="quit"];
"Checking" -> "Done" [label="ok [licence valid]"];
"__decision1" [shape=diamond, label="by product"];
"Checking" -> "__decision1" [label="route"];
"__decision1" -> "Idle";
"__decision1" -> "Done";
"Done" -> "Done" [label="again"];
"__initial" [label="", shape=point];
"__initial" -> "Idle";
}

""";

    private const string ExpectedMermaid = """
stateDiagram-v2
    direction LR
    Idle
    state Support {
        [*] --> Checking
        Checking
        Done
    }
    [*] --> Idle
    Idle --> Support : start
    Support --> Idle : quit
    Checking --> Done : ok [licence valid]
    state decision1 <<choice>>
    Checking --> decision1 : route
    decision1 --> Idle : by product
    decision1 --> Done : by product
    Done --> Done : again

""";

    private const string ExpectedEscapedDot = """
digraph {
compound=true;
node [shape=Mrecord];
rankdir="LR";
"開始 \"q\"" [label="開始 \"q\""];
"s1" [label="s1"];
"A|B{c}" [label="A\|B\{c\}"];
"開始 \"q\"" -> "s1" [label="次へ; #1"];
"開始 \"q\"" -> "A|B{c}" [label="x [a \"quoted\" <guard>]"];
"__initial" [label="", shape=point];
"__initial" -> "開始 \"q\"";
}

""";

    private const string ExpectedEscapedMermaid = """
stateDiagram-v2
    state "開始 #quot;q#quot;" as s2
    state "A|B{c}" as s3
    s2
    s1
    s3
    [*] --> s2
    s2 --> s1 : 次へ#59; #35;1
    s2 --> s3 : x [a #quot;quoted#quot; #lt;guard#gt;]

""";

    [Fact]
    public void UmlDotGraph_SmallMachine_MatchesGoldenText()
    {
        var dot = UmlDotGraph.Format(GraphFixture.Definition().GetInfo());
        Assert.Equal(ExpectedDot, dot);
    }

    [Fact]
    public void MermaidGraph_SmallMachine_MatchesGoldenText()
    {
        var mermaid = MermaidGraph.Format(GraphFixture.Definition().GetInfo(), MermaidGraphDirection.LeftToRight);
        Assert.Equal(ExpectedMermaid, mermaid);
    }

    [Fact]
    public void Format_SameDefinitionTwice_IsDeterministic()
    {
        Assert.Equal(UmlDotGraph.Format(GraphFixture.Definition().GetInfo()), UmlDotGraph.Format(GraphFixture.Definition().GetInfo()));
        Assert.Equal(MermaidGraph.Format(GraphFixture.Definition().GetInfo()), MermaidGraph.Format(GraphFixture.Definition().GetInfo()));
    }

    [Fact]
    public void Format_JapaneseQuotesAndSpecialCharacters_EscapedSafely()
    {
        var builder = new StateMachineBuilder<string, string>("開始 \"q\"");
        builder.Configure("開始 \"q\"").Permit("次へ; #1", "s1").PermitIf("x", "A|B{c}", () => true, "a \"quoted\" <guard>");
        var info = builder.Build().GetInfo();

        Assert.Equal(ExpectedEscapedDot, UmlDotGraph.Format(info));
        Assert.Equal(ExpectedEscapedMermaid, MermaidGraph.Format(info));
    }

    [Fact]
    public void MermaidGraph_NoDirection_OmitsDirectionLine()
    {
        var mermaid = MermaidGraph.Format(GraphFixture.Definition().GetInfo());
        Assert.StartsWith("stateDiagram-v2\n    Idle\n", mermaid, StringComparison.Ordinal);
    }
}
