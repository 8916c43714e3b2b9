using System.Text.RegularExpressions;
using SupportBot.Flows.Compilation;
using SupportBot.Flows.Model;
using SupportBot.Flows.Text;

namespace SupportBot.Flows.Runtime;

/// <summary>Turns a state into the messages the user sees, in the conversation's language.</summary>
internal static partial class FlowRenderer
{
    /// <summary>The messages sent on entering <paramref name="stateId"/>: each <c>say</c>, then the main text with its buttons.</summary>
    public static IEnumerable<FlowMessage> Enter(CompiledFlow flow, FlowSessionState session, string stateId)
    {
        var state = flow.Definition.Get(stateId);
        foreach (var say in state.Say) yield return Plain(flow, session, stateId, say.For(session.Locale));
        yield return Prompt(flow, session, state, Main(state, session));
    }

    /// <summary>A message with the state's buttons (used for prompts, retries and help).</summary>
    public static FlowMessage Prompt(CompiledFlow flow, FlowSessionState session, FlowState state, string text)
    {
        var outcome = state.Kind == FlowStateKind.End ? state.Outcome?.ToWire() : null;
        var actions = state.Choices.Select(c => new FlowAction(c.Id, c.Label.For(session.Locale))).ToList();
        return new FlowMessage(Fill(text, session), actions, Place(flow, state.Id, outcome));
    }

    /// <summary>A message without buttons.</summary>
    public static FlowMessage Plain(CompiledFlow flow, FlowSessionState session, string stateId, string text, string? outcome = null) =>
        new(Fill(text, session), [], Place(flow, stateId, outcome));

    /// <summary>The <c>channelData.supportBot</c> payload for a state.</summary>
    public static FlowPlace Place(CompiledFlow flow, string stateId, string? outcome = null) =>
        new(flow.Id, stateId, outcome is null ? flow.Progress.GetValueOrDefault(stateId) : 1.0, outcome);

    private static string Main(FlowState state, FlowSessionState session)
    {
        var text = state.Text.For(session.Locale);
        return state.Kind == FlowStateKind.Step ? text + "\n" + EngineTexts.DidThatFixIt.For(session.Locale) : text;
    }

    // {slot} → the slot's value; an unset slot shows as "-" so a sentence never shows a raw placeholder.
    private static string Fill(string text, FlowSessionState session) =>
        Placeholder().Replace(text, m => session.Slots.TryGetValue(m.Groups[1].Value, out var v) ? v : "-");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
