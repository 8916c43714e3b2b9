using SupportBot.Flows.Conditions;

namespace SupportBot.Flows.Model;

/// <summary>Which of the three state kinds a state is.</summary>
public enum FlowStateKind
{
    /// <summary>A question answered by a choice or a typed input.</summary>
    Ask,

    /// <summary>One instruction, always followed by "did that fix it?".</summary>
    Step,

    /// <summary>The end of the flow with a closing text.</summary>
    End,
}

/// <summary>One state of a flow.</summary>
public sealed record FlowState
{
    /// <summary>Kebab-case id, unique in the flow.</summary>
    public required string Id { get; init; }

    /// <summary>Ask, step or end.</summary>
    public required FlowStateKind Kind { get; init; }

    /// <summary>Messages sent before the main text (one idea per message).</summary>
    public IReadOnlyList<LocalizedText> Say { get; init; } = [];

    /// <summary>The question (ask), the instruction (step) or the closing text (end).</summary>
    public required LocalizedText Text { get; init; }

    /// <summary>Extra explanation shown for ヘルプ/help in this state.</summary>
    public LocalizedText? Help { get; init; }

    /// <summary>The answers offered. A step gets <c>resolved</c>/<c>not-resolved</c> from the loader.</summary>
    public IReadOnlyList<FlowChoice> Choices { get; init; } = [];

    /// <summary>A typed answer (number, version, ...); may be combined with choices.</summary>
    public FlowInput? Input { get; init; }

    /// <summary>A PC-helper check that can answer the question instead of the user.</summary>
    public FlowCheck? Check { get; init; }

    /// <summary>For end states: how the flow ends.</summary>
    public FlowOutcome? Outcome { get; init; }

    /// <summary>Line in the source file (1-based) for error messages.</summary>
    public int Line { get; init; }
}

/// <summary>One answer to an ask or step.</summary>
public sealed record FlowChoice
{
    /// <summary>Id unique in the state; also the trigger name in the state machine.</summary>
    public required string Id { get; init; }

    /// <summary>Button text.</summary>
    public required LocalizedText Label { get; init; }

    /// <summary>Other words that mean this answer when typed.</summary>
    public LocalizedList Synonyms { get; init; } = LocalizedList.Empty;

    /// <summary>Slot values recorded when this answer is chosen.</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    /// <summary>Where to go; the first branch whose condition holds wins, the last has none.</summary>
    public required IReadOnlyList<FlowBranch> Next { get; init; }
}

/// <summary>A target state, optionally guarded by a condition on slots.</summary>
/// <param name="When">The condition, or null for "otherwise".</param>
/// <param name="Goto">Target state id.</param>
public sealed record FlowBranch(Condition? When, string Goto);

/// <summary>
/// A PC-helper check that can answer a question: when a helper is paired, FlowDialog runs it instead of asking and
/// moves on as if the user had chosen the choice its outcome maps to.
/// </summary>
public sealed record FlowCheck
{
    /// <summary>Check kind, e.g. <c>http-probe</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Parameters of the check instance (URL, registry key, ...); may hold <c>{slot}</c> placeholders.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Said while the helper checks (one short plain sentence).</summary>
    public required LocalizedText Checking { get; init; }

    /// <summary>Check outcome name (computed from the result, see <c>CheckOutcomes</c>) → choice and finding.</summary>
    public IReadOnlyDictionary<string, FlowCheckOutcome> Outcomes { get; init; } = new Dictionary<string, FlowCheckOutcome>();

    /// <summary>Result fact name → slot it is copied into (e.g. <c>version</c> → <c>version</c>).</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>Line of the <c>check:</c> mapping in the source file (1-based) for error messages.</summary>
    public int Line { get; init; }
}

/// <summary>What one check outcome means for the question.</summary>
/// <param name="Choice">The choice of the same state the outcome answers.</param>
/// <param name="Finding">Said in plain words before moving on; may use <c>{fact}</c> and <c>{slot}</c> placeholders.</param>
public sealed record FlowCheckOutcome(string Choice, LocalizedText Finding);
