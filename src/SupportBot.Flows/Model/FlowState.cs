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

    /// <summary>An agent check that can answer the question automatically (declared only for now).</summary>
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

/// <summary>An agent check declared on a question (executed in a later version).</summary>
public sealed record FlowCheck
{
    /// <summary>Check kind, e.g. <c>http-probe</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Parameters of the check instance (URL, registry key, ...).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Check outcome → choice id of the same state.</summary>
    public IReadOnlyDictionary<string, string> Outcomes { get; init; } = new Dictionary<string, string>();
}
