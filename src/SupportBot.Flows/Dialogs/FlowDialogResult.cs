using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;

namespace SupportBot.Flows.Dialogs;

/// <summary>What a <see cref="FlowDialog"/> returns to its parent when the flow ends.</summary>
/// <param name="Flow">Flow id.</param>
/// <param name="Version">Flow version the conversation ran on.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Escalation">The helpdesk context when <paramref name="Outcome"/> is escalated.</param>
public sealed record FlowDialogResult(string Flow, string Version, FlowOutcome Outcome, FlowEscalation? Escalation);

/// <summary>Options for starting a <see cref="FlowDialog"/>.</summary>
/// <param name="FlowId">The flow to run (its newest version).</param>
/// <param name="Locale">Reply language; the incoming activity's locale when null.</param>
public sealed record FlowDialogOptions(string FlowId, string? Locale = null);
