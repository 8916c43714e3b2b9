using System.Text.RegularExpressions;
using SupportBot.Agent.Contracts;
using SupportBot.Flows.Checks;
using SupportBot.Flows.Compilation;
using SupportBot.Flows.Model;
using SupportBot.Flows.Text;

namespace SupportBot.Flows.Runtime;

/// <summary>PC-helper checks: the request for the current question, and moving on with the helper's answer.</summary>
public static partial class FlowEngine
{
    /// <summary>Prefix of the history answer recorded when the helper answered a question (e.g. <c>agent:iis-page</c>).</summary>
    public const string AgentAnswerPrefix = "agent:";

    /// <summary>
    /// The check of the current question with its <c>{slot}</c> placeholders filled, or null when the question has
    /// no check or a placeholder's slot is not set (then the question is asked instead).
    /// </summary>
    public static FlowCheckRequest? CheckRequest(CompiledFlow flow, FlowSessionState session)
    {
        if (session.Outcome is not null || flow.Definition.Get(session.State).Check is not { } check) return null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in check.Parameters)
        {
            var missing = false;
            parameters[name] = Placeholder().Replace(template, m =>
            {
                if (session.Slots.TryGetValue(m.Groups[1].Value, out var value) && value.Length > 0) return value;
                missing = true;
                return "";
            });
            if (missing) return null;
        }
        return new FlowCheckRequest(flow.Id, session.State, check.Kind, parameters);
    }

    /// <summary>The one plain message said while the helper checks the current question.</summary>
    public static FlowMessage Checking(CompiledFlow flow, FlowSessionState session)
    {
        var check = flow.Definition.Get(session.State).Check ?? throw new InvalidOperationException($"State '{session.State}' has no check.");
        return FlowRenderer.Plain(flow, session, session.State, check.Checking.For(session.Locale));
    }

    /// <summary>
    /// Answers the current question with the helper's result: says the finding, records <c>agent:&lt;outcome&gt;</c>,
    /// copies the declared facts into slots and moves on as if the mapped choice was chosen. Null when the result
    /// gives no answer (error, timeout, refused, unsupported, or an outcome the flow does not map).
    /// </summary>
    public static FlowTurn? AnswerByCheck(CompiledFlow flow, FlowSessionState session, CheckResult result)
    {
        var state = flow.Definition.Get(session.State);
        if (session.Outcome is not null || state.Check is not { } check) return null;
        if (CheckOutcomes.Classify(result) is not { } name || !check.Outcomes.TryGetValue(name, out var outcome)) return null;
        var choice = state.Choices.First(c => c.Id == outcome.Choice);
        var facts = CheckOutcomes.AsText(result);
        Remember(session, choice.Id, AgentAnswerPrefix + name);
        foreach (var (slot, value) in choice.Set) session.Slots[slot] = value;
        foreach (var (fact, slot) in check.Facts)
            if (facts.TryGetValue(fact, out var value) && value.Length > 0) session.Slots[slot] = value;
        var finding = Placeholder().Replace(outcome.Finding.For(session.Locale), m => facts.GetValueOrDefault(m.Groups[1].Value) ?? m.Value);
        return Move(flow, session, state, choice.Id, [FlowRenderer.Plain(flow, session, state.Id, finding)]);
    }

    /// <summary>Said when the helper gave no answer: then the question itself, with its buttons.</summary>
    public static IReadOnlyList<FlowMessage> CouldNotCheck(CompiledFlow flow, FlowSessionState session) =>
    [
        FlowRenderer.Plain(flow, session, session.State, EngineTexts.HelperCouldNotCheck.For(session.Locale)),
        Reprompt(flow, session),
    ];

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
