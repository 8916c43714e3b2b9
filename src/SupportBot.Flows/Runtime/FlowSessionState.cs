namespace SupportBot.Flows.Runtime;

/// <summary>
/// Everything one conversation's flow run remembers; serialisable, kept in the dialog instance's state.
/// License keys appear here only masked (plus a short hash).
/// </summary>
public sealed class FlowSessionState
{
    /// <summary>Flow id.</summary>
    public string FlowId { get; set; } = "";

    /// <summary>The version the conversation started on (pinned).</summary>
    public string FlowVersion { get; set; } = "";

    /// <summary>Content hash of that version, to tell edits without a version bump apart.</summary>
    public string FlowRevision { get; set; } = "";

    /// <summary>Reply language (<c>ja</c> by default; any <c>en-*</c> selects English).</summary>
    public string Locale { get; set; } = "ja-JP";

    /// <summary>Id of the current state.</summary>
    public string State { get; set; } = "";

    /// <summary>Collected values (masked where sensitive).</summary>
    public Dictionary<string, string> Slots { get; set; } = [];

    /// <summary>Each answered state in order, with the slots before it (so 戻る can restore them).</summary>
    public List<FlowHistoryEntry> History { get; set; } = [];

    /// <summary>Answers not understood in a row in the current state.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>The PC-helper check queued for the current question, while its result is awaited.</summary>
    public FlowPendingCheck? PendingCheck { get; set; }

    /// <summary>True once the PC helper was offered in this flow run (it is offered at most once).</summary>
    public bool HelperOffered { get; set; }

    /// <summary>Set once the flow has ended (<c>resolved</c>, <c>escalated</c>, <c>out-of-scope</c>, <c>cancelled</c>).</summary>
    public string? Outcome { get; set; }
}

/// <summary>One answered question.</summary>
public sealed class FlowHistoryEntry
{
    /// <summary>State that was answered.</summary>
    public string State { get; set; } = "";

    /// <summary>Trigger fired (choice id, <c>answered</c> or <c>gave-up</c>).</summary>
    public string Trigger { get; set; } = "";

    /// <summary>The answer as recorded (choice id or the stored value; masked when sensitive).</summary>
    public string Answer { get; set; } = "";

    /// <summary>Slots before the answer.</summary>
    public Dictionary<string, string> SlotsBefore { get; set; } = [];
}

/// <summary>A queued PC-helper check: its result arrives later as an <c>agent.result</c> event.</summary>
public sealed class FlowPendingCheck
{
    /// <summary>The job id the helper's result carries.</summary>
    public string JobId { get; set; } = "";

    /// <summary>The question the check answers.</summary>
    public string State { get; set; } = "";
}
