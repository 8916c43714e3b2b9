using SupportBot.Flows.Compilation;
using SupportBot.Flows.Inputs;
using SupportBot.Flows.Model;
using SupportBot.Flows.Text;

namespace SupportBot.Flows.Runtime;

/// <summary>
/// Runs a flow one answer at a time. Holds no state: everything lives in the <see cref="FlowSessionState"/>
/// passed in, so the same engine serves every conversation (and FlowDialog only wraps it).
/// </summary>
public static partial class FlowEngine
{
    /// <summary>Misunderstood answers in a row (on a question without a typed input) before handing over to a person.</summary>
    public const int MaxNotUnderstood = 2;

    /// <summary>Starts <paramref name="flow"/>: a new session state and the first messages.</summary>
    public static (FlowSessionState Session, FlowTurn Turn) Start(CompiledFlow flow, string? locale = null)
    {
        var session = new FlowSessionState
        {
            FlowId = flow.Id, FlowVersion = flow.Version, FlowRevision = flow.Definition.ContentHash,
            Locale = string.IsNullOrWhiteSpace(locale) ? "ja-JP" : locale, State = flow.Definition.Start,
        };
        return (session, new FlowTurn { Messages = [.. FlowRenderer.Enter(flow, session, session.State)] });
    }

    /// <summary>Applies one user message (typed text, a button's label or a choice id) and returns the replies.</summary>
    /// <exception cref="InvalidOperationException">The session has already ended.</exception>
    public static FlowTurn Continue(CompiledFlow flow, FlowSessionState session, string text)
    {
        if (session.Outcome is not null) throw new InvalidOperationException($"The flow '{session.FlowId}' has already ended ({session.Outcome}).");
        var state = flow.Definition.Get(session.State);
        if (ChoiceMatcher.Exact(state.Choices, text) is { } exact) return Choose(flow, session, state, exact);
        if (GlobalCommands.Recognize(text) is { } command) return Run(flow, session, state, command);
        if (state.Input is { } input)
        {
            var value = InputParser.Parse(input, text);
            if (value.IsValid) return Answer(flow, session, state, input, value);
            if (input.Kind != InputKind.Text && ChoiceMatcher.Partial(state.Choices, text) is { } near) return Choose(flow, session, state, near);
            return Retry(flow, session, state, input);
        }
        if ((ChoiceMatcher.Partial(state.Choices, text) ?? ChoiceMatcher.Ordinal(state.Choices, text)) is { } partial)
            return Choose(flow, session, state, partial);
        return NotUnderstood(flow, session, state);
    }

    /// <summary>The current question again, with its buttons (for reprompts).</summary>
    public static FlowMessage Reprompt(CompiledFlow flow, FlowSessionState session) =>
        FlowRenderer.Enter(flow, session, session.State).Last();

    private static FlowTurn Choose(CompiledFlow flow, FlowSessionState session, FlowState state, FlowChoice choice)
    {
        Remember(session, choice.Id, choice.Id);
        foreach (var (slot, value) in choice.Set) session.Slots[slot] = value;
        return Move(flow, session, state, choice.Id, []);
    }

    private static FlowTurn Answer(CompiledFlow flow, FlowSessionState session, FlowState state, FlowInput input, InputValue value)
    {
        Remember(session, FlowTransition.Answered, value.Value!);
        session.Slots[input.Slot] = value.Value!;
        var before = new List<FlowMessage>();
        if (value.Key is { } key)
        {
            session.Slots[input.Slot + "LookAlikes"] = key.LookAlikes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            session.Slots[input.Slot + "Hash"] = key.Hash;
            before.Add(FlowRenderer.Plain(flow, session, state.Id, LicenseKeyFeedback.Describe(key, session.Locale)));
        }
        return Move(flow, session, state, FlowTransition.Answered, before);
    }

    private static FlowTurn Retry(CompiledFlow flow, FlowSessionState session, FlowState state, FlowInput input)
    {
        if (++session.FailedAttempts < input.MaxAttempts)
            return new FlowTurn { Messages = [FlowRenderer.Prompt(flow, session, state, input.Retry.For(session.Locale))] };
        Remember(session, FlowTransition.GaveUp, "");
        return Move(flow, session, state, FlowTransition.GaveUp, []);
    }

    private static FlowTurn NotUnderstood(CompiledFlow flow, FlowSessionState session, FlowState state)
    {
        if (++session.FailedAttempts < MaxNotUnderstood)
            return new FlowTurn { Messages = [FlowRenderer.Prompt(flow, session, state, EngineTexts.PleaseChoose.For(session.Locale))] };
        return End(flow, session, FlowOutcome.Escalated, EngineTexts.GaveUp, "not-understood");
    }

    /// <summary>Fires the trigger on the compiled machine and enters the target state.</summary>
    private static FlowTurn Move(CompiledFlow flow, FlowSessionState session, FlowState from, string trigger, List<FlowMessage> before)
    {
        var edge = flow.Fire(from.Id, trigger, session.Slots);
        session.State = edge.Target;
        session.FailedAttempts = 0;
        var target = flow.Definition.Get(edge.Target);
        var messages = before.Concat(FlowRenderer.Enter(flow, session, target.Id)).ToList();
        if (target.Outcome is not { } outcome) return new FlowTurn { Messages = messages, Transitions = [edge] };
        session.Outcome = outcome.ToWire();
        return new FlowTurn
        {
            Messages = messages, Outcome = outcome, Transitions = [edge],
            Escalation = outcome == FlowOutcome.Escalated ? Escalation(flow, session, trigger == FlowTransition.GaveUp ? "gave-up" : "flow-end") : null,
        };
    }

    private static void Remember(FlowSessionState session, string trigger, string answer) =>
        session.History.Add(new FlowHistoryEntry { State = session.State, Trigger = trigger, Answer = answer, SlotsBefore = new(session.Slots) });
}
