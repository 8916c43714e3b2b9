namespace SupportBot.Flows.Model;

/// <summary>How a flow conversation ended.</summary>
public enum FlowOutcome
{
    /// <summary>The user's problem is solved.</summary>
    Resolved,

    /// <summary>Handed to a person (an <c>end: escalate</c> state, the user asked, or the bot gave up).</summary>
    Escalated,

    /// <summary>The problem is not one this flow can help with.</summary>
    OutOfScope,

    /// <summary>The user cancelled.</summary>
    Cancelled,
}

/// <summary>Wire names of outcomes as written in flows, tests and <c>channelData</c>.</summary>
public static class FlowOutcomeNames
{
    /// <summary>The name used in <c>channelData.supportBot.outcome</c> and in scripted tests.</summary>
    public static string ToWire(this FlowOutcome outcome) => outcome switch
    {
        FlowOutcome.Resolved => "resolved",
        FlowOutcome.Escalated => "escalated",
        FlowOutcome.OutOfScope => "out-of-scope",
        _ => "cancelled",
    };

    /// <summary>Parses a wire name (<c>escalate</c> is accepted as written in <c>end:</c>).</summary>
    public static FlowOutcome? Parse(string? text) => text switch
    {
        "resolved" => FlowOutcome.Resolved,
        "escalate" or "escalated" => FlowOutcome.Escalated,
        "out-of-scope" => FlowOutcome.OutOfScope,
        "cancelled" => FlowOutcome.Cancelled,
        _ => null,
    };
}
