using SupportBot.Flows.Model;

namespace SupportBot.Flows.Runtime;

/// <summary>Where a bot message stands: the <c>channelData.supportBot</c> payload.</summary>
/// <param name="Flow">Flow id.</param>
/// <param name="State">State id.</param>
/// <param name="Progress">0..1 estimate of how far along the flow is.</param>
/// <param name="Outcome">Set on the message that ends the flow.</param>
public sealed record FlowPlace(string Flow, string State, double Progress, string? Outcome = null);

/// <summary>A button under a message (sent as an imBack suggested action).</summary>
/// <param name="Id">Choice id (what the engine understands).</param>
/// <param name="Label">Text on the button; also what an imBack posts back.</param>
public sealed record FlowAction(string Id, string Label);

/// <summary>One message the bot sends.</summary>
/// <param name="Text">The text in the conversation's language.</param>
/// <param name="Actions">Buttons (empty for plain messages).</param>
/// <param name="Place">The <c>channelData.supportBot</c> payload.</param>
public sealed record FlowMessage(string Text, IReadOnlyList<FlowAction> Actions, FlowPlace Place);

/// <summary>What one user answer (or the start) produced.</summary>
public sealed record FlowTurn
{
    /// <summary>Messages to send, in order.</summary>
    public required IReadOnlyList<FlowMessage> Messages { get; init; }

    /// <summary>The flow's outcome when this turn ended it.</summary>
    public FlowOutcome? Outcome { get; init; }

    /// <summary>Edges taken in this turn (for coverage).</summary>
    public IReadOnlyList<FlowTransition> Transitions { get; init; } = [];

    /// <summary>Context for the helpdesk when the outcome is <see cref="FlowOutcome.Escalated"/>.</summary>
    public FlowEscalation? Escalation { get; init; }
}

/// <summary>What the helpdesk needs when a flow is handed to a person (license keys masked).</summary>
/// <param name="Flow">Flow id.</param>
/// <param name="Version">Flow version.</param>
/// <param name="Reason"><c>flow-end</c>, <c>gave-up</c> (a typed input used up its attempts into the end), <c>user-request</c> or <c>not-understood</c>.</param>
/// <param name="Path">States visited, in order, ending with the current one.</param>
/// <param name="Answers">State → answer (choice id or masked value).</param>
/// <param name="Slots">Collected values.</param>
/// <param name="Tried">Instructions the user carried out that did not fix it.</param>
public sealed record FlowEscalation(
    string Flow, string Version, string Reason, IReadOnlyList<string> Path,
    IReadOnlyList<KeyValuePair<string, string>> Answers, IReadOnlyDictionary<string, string> Slots, IReadOnlyList<string> Tried);
