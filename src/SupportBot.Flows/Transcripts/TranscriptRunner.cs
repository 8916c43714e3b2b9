using SupportBot.Flows.Compilation;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;

namespace SupportBot.Flows.Transcripts;

/// <summary>The result of running one scripted conversation.</summary>
/// <param name="Failures">Every mismatch (empty when the test passed).</param>
/// <param name="Transitions">Edges taken, for coverage.</param>
/// <param name="States">States visited.</param>
public sealed record TranscriptResult(IReadOnlyList<string> Failures, IReadOnlyList<FlowTransition> Transitions, IReadOnlyList<string> States);

/// <summary>Runs a <see cref="TranscriptTest"/> against the in-memory engine.</summary>
public static class TranscriptRunner
{
    /// <summary>Plays the steps and checks messages, states, <c>channelData</c> places and the outcome.</summary>
    public static TranscriptResult Run(CompiledFlow flow, TranscriptTest test)
    {
        var failures = new List<string>();
        var transitions = new List<FlowTransition>();
        var (session, turn) = FlowSession.Start(flow, test.Locale);
        var states = new List<string> { session.State.State };
        FlowOutcome? outcome = null;
        for (var i = 0; i < test.Steps.Count; i++)
        {
            var step = test.Steps[i];
            var where = $"step {i + 1}{(step.User is null ? "" : $" (user: {step.User})")}";
            if (step.User is not null)
            {
                if (session.HasEnded) { failures.Add($"{where}: the flow already ended"); break; }
                turn = session.Send(step.User);
            }
            else if (i > 0) failures.Add($"{where}: only the first step may omit 'user'");
            transitions.AddRange(turn.Transitions);
            states.Add(session.State.State);
            outcome ??= turn.Outcome;
            Check(flow, step, turn, session, where, failures);
        }
        var expected = FlowOutcomeNames.Parse(test.Outcome);
        if (outcome != expected) failures.Add($"outcome: expected {test.Outcome}, got {outcome?.ToWire() ?? "(none, the flow did not end)"}");
        return new TranscriptResult(failures, transitions, states);
    }

    private static void Check(CompiledFlow flow, TranscriptStep step, FlowTurn turn, FlowSession session, string where, List<string> failures)
    {
        var all = string.Join("\n", turn.Messages.Select(m => m.Text));
        foreach (var phrase in step.Bot.Where(p => !all.Contains(p, StringComparison.Ordinal)))
            failures.Add($"{where}: bot should say \"{phrase}\" but said:\n{all}");
        if (step.State is not null && session.State.State != step.State)
            failures.Add($"{where}: expected state '{step.State}', got '{session.State.State}'");
        if (turn.Messages.Count == 0) failures.Add($"{where}: the bot said nothing");
        foreach (var m in turn.Messages.Where(m => m.Place.Flow != flow.Id || flow.Definition.Find(m.Place.State) is null))
            failures.Add($"{where}: message carries a wrong place {m.Place}");
        if (turn.Outcome is { } o && turn.Messages[^1].Place.Outcome != o.ToWire())
            failures.Add($"{where}: the last message must carry outcome '{o.ToWire()}'");
    }
}
