using SupportBot.Flows.Compilation;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;

namespace SupportBot.Flows.Transcripts;

/// <summary>The result of running one scripted conversation.</summary>
/// <param name="Failures">Every mismatch (empty when the test passed).</param>
/// <param name="Transitions">Edges taken, for coverage.</param>
/// <param name="States">States visited.</param>
/// <param name="CheckPaths">Check paths taken, as <see cref="TranscriptCoverage.CheckKeys"/> names them.</param>
public sealed record TranscriptResult(IReadOnlyList<string> Failures, IReadOnlyList<FlowTransition> Transitions, IReadOnlyList<string> States, IReadOnlyList<string> CheckPaths);

/// <summary>
/// Runs a <see cref="TranscriptTest"/> against the in-memory engine. With <c>helper: paired</c> it behaves like
/// FlowDialog with a paired helper: a question with a check is not asked (the "checking" line is said instead) and
/// the next step must be the helper's <c>agent:</c> result.
/// </summary>
public static class TranscriptRunner
{
    /// <summary>Plays the steps and checks messages, states, <c>channelData</c> places and the outcome.</summary>
    public static TranscriptResult Run(CompiledFlow flow, TranscriptTest test)
    {
        var failures = new List<string>();
        var transitions = new List<FlowTransition>();
        var checkPaths = new List<string>();
        var (session, turn) = FlowSession.Start(flow, test.Locale);
        turn = HoldForCheck(flow, session.State, turn, test.Helper, entered: true);
        var states = new List<string> { session.State.State };
        FlowOutcome? outcome = null;
        for (var i = 0; i < test.Steps.Count; i++)
        {
            var step = test.Steps[i];
            var where = $"step {i + 1}{(step.User is null ? "" : $" (user: {step.User})")}{(step.Agent is null ? "" : $" (agent: {step.Agent.Outcome ?? step.Agent.Status})")}";
            if (step.User is not null || step.Agent is not null)
            {
                if (session.HasEnded) { failures.Add($"{where}: the flow already ended"); break; }
                if (step.Agent is not null && Answer(flow, session.State, step.Agent, checkPaths) is { } answered) turn = answered;
                else if (step.Agent is not null) { failures.Add($"{where}: no check is pending in state '{session.State.State}'"); break; }
                else
                {
                    session.State.PendingCheck = null;
                    turn = session.Send(step.User!);
                }
                turn = HoldForCheck(flow, session.State, turn, test.Helper, entered: turn.Transitions.Count > 0);
            }
            else if (i > 0) failures.Add($"{where}: only the first step may omit 'user'");
            transitions.AddRange(turn.Transitions);
            states.Add(session.State.State);
            outcome ??= turn.Outcome;
            Check(flow, step, turn, session, where, failures);
        }
        var expected = FlowOutcomeNames.Parse(test.Outcome);
        if (outcome != expected) failures.Add($"outcome: expected {test.Outcome}, got {outcome?.ToWire() ?? "(none, the flow did not end)"}");
        return new TranscriptResult(failures, transitions, states, checkPaths);
    }

    // What FlowDialog does with a paired helper: the question is held back and the check is queued.
    private static FlowTurn HoldForCheck(CompiledFlow flow, FlowSessionState session, FlowTurn turn, bool helper, bool entered)
    {
        if (!helper || !entered || turn.Outcome is not null || FlowEngine.CheckRequest(flow, session) is null) return turn;
        session.PendingCheck = new FlowPendingCheck { JobId = "scripted", State = session.State };
        return turn with { Messages = [.. turn.Messages.Take(turn.Messages.Count - 1), FlowEngine.Checking(flow, session)] };
    }

    private static FlowTurn? Answer(CompiledFlow flow, FlowSessionState session, TranscriptAgentResult agent, List<string> checkPaths)
    {
        if (session.PendingCheck is null || flow.Definition.Get(session.State).Check is not { } check) return null;
        session.PendingCheck = null;
        var state = session.State;
        var result = TranscriptAgentResults.ToCheckResult(agent, check.Kind, "scripted");
        if (FlowEngine.AnswerByCheck(flow, session, result) is { } turn)
        {
            checkPaths.Add(TranscriptCoverage.CheckKey(state, Checks.CheckOutcomes.Classify(result)!));
            return turn;
        }
        checkPaths.Add(TranscriptCoverage.CheckKey(state, TranscriptCoverage.CouldNotCheck));
        return new FlowTurn { Messages = FlowEngine.CouldNotCheck(flow, session) };
    }

    private static void Check(CompiledFlow flow, TranscriptStep step, FlowTurn turn, FlowSession session, string where, List<string> failures)
    {
        var all = string.Join("\n", turn.Messages.Select(m => m.Text));
        foreach (var phrase in step.Bot.Where(p => !all.Contains(p, StringComparison.Ordinal)))
            failures.Add($"{where}: bot should say \"{phrase}\" but said:\n{all}");
        if (step.State is not null && session.State.State != step.State)
            failures.Add($"{where}: expected state '{step.State}', got '{session.State.State}'");
        if (step.Asked is { } mustAsk && turn.Outcome is null)
        {
            var asked = turn.Messages.Count > 0 && turn.Messages[^1].Text == FlowEngine.Reprompt(flow, session.State).Text;
            if (asked != mustAsk) failures.Add($"{where}: the question of '{session.State.State}' should {(mustAsk ? "" : "not ")}be asked, but the last message was:\n{turn.Messages.LastOrDefault()?.Text}");
        }
        if (turn.Messages.Count == 0) failures.Add($"{where}: the bot said nothing");
        foreach (var m in turn.Messages.Where(m => m.Place.Flow != flow.Id || flow.Definition.Find(m.Place.State) is null))
            failures.Add($"{where}: message carries a wrong place {m.Place}");
        if (turn.Outcome is { } o && turn.Messages[^1].Place.Outcome != o.ToWire())
            failures.Add($"{where}: the last message must carry outcome '{o.ToWire()}'");
    }
}
