using SupportBot.Flows.Compilation;
using SupportBot.Flows.Model;
using SupportBot.Flows.Text;

namespace SupportBot.Flows.Runtime;

/// <summary>Global commands: 最初から, キャンセル, 戻る, ヘルプ, 担当者と話したい.</summary>
public static partial class FlowEngine
{
    private static FlowTurn Run(CompiledFlow flow, FlowSessionState session, FlowState state, GlobalCommand command)
    {
        switch (command)
        {
            case GlobalCommand.Help:
                var help = (state.Help ?? EngineTexts.GenericHelp).For(session.Locale);
                return new FlowTurn { Messages = [FlowRenderer.Prompt(flow, session, state, help)] };
            case GlobalCommand.Back when session.History.Count == 0:
                return new FlowTurn
                {
                    Messages = [FlowRenderer.Plain(flow, session, state.Id, EngineTexts.NothingToGoBackTo.For(session.Locale)),
                        .. FlowRenderer.Enter(flow, session, state.Id).TakeLast(1)],
                };
            case GlobalCommand.Back:
                var last = session.History[^1];
                session.History.RemoveAt(session.History.Count - 1);
                session.State = last.State;
                session.Slots = new(last.SlotsBefore);
                session.FailedAttempts = 0;
                return new FlowTurn { Messages = [.. FlowRenderer.Enter(flow, session, last.State)] };
            case GlobalCommand.Restart:
                session.State = flow.Definition.Start;
                session.Slots.Clear();
                session.History.Clear();
                session.FailedAttempts = 0;
                return new FlowTurn
                {
                    Messages = [FlowRenderer.Plain(flow, session, session.State, EngineTexts.Restarting.For(session.Locale)),
                        .. FlowRenderer.Enter(flow, session, session.State)],
                };
            case GlobalCommand.Cancel:
                return End(flow, session, FlowOutcome.Cancelled, EngineTexts.Cancelled, null);
            default:
                return End(flow, session, FlowOutcome.Escalated, EngineTexts.HandingOver, "user-request");
        }
    }

    /// <summary>Ends the flow outside its graph (cancel, ask for a person, not understood).</summary>
    private static FlowTurn End(CompiledFlow flow, FlowSessionState session, FlowOutcome outcome, LocalizedText text, string? reason)
    {
        session.Outcome = outcome.ToWire();
        return new FlowTurn
        {
            Messages = [FlowRenderer.Plain(flow, session, session.State, text.For(session.Locale), session.Outcome)],
            Outcome = outcome,
            Escalation = reason is null ? null : Escalation(flow, session, reason),
        };
    }

    /// <summary>The context handed to the helpdesk: path, answers, slots (masked) and the instructions already tried.</summary>
    public static FlowEscalation Escalation(CompiledFlow flow, FlowSessionState session, string reason) => new(
        flow.Id, flow.Version, reason,
        [.. session.History.Select(h => h.State), session.State],
        [.. session.History.Select(h => new KeyValuePair<string, string>(h.State, h.Answer))],
        new Dictionary<string, string>(session.Slots),
        [.. session.History.Where(h => h.Trigger == EngineTexts.NotResolved.Id)
            .Select(h => $"{h.State}: {flow.Definition.Get(h.State).Text.Ja}")]);
}
