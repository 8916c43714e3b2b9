using SupportBot.Flows.Model;
using SupportBot.StateMachine;

namespace SupportBot.Flows.Compilation;

/// <summary>Compiles a validated flow into one shared <see cref="StateMachineDefinition{TState,TTrigger}"/>.</summary>
public static class FlowCompiler
{
    /// <summary>Builds the machine: each branch becomes a <c>PermitIf</c> whose guard is the branch's condition and
    /// "no earlier branch of the same answer held", so guards of one trigger never overlap.</summary>
    public static CompiledFlow Compile(FlowDefinition flow)
    {
        var builder = new StateMachineBuilder<string, string>(flow.Start);
        foreach (var state in flow.States) builder.Configure(state.Id);
        var transitions = FlowTransition.Of(flow);
        var triggers = transitions.Select(t => t.Trigger).Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => builder.SetTriggerParameters<IReadOnlyDictionary<string, string>>(t), StringComparer.Ordinal);
        foreach (var t in transitions)
        {
            var edge = t;
            var state = builder.Configure(t.Source);
            // An unconditional answer is a plain Permit, so diagrams show no guard for it.
            if (t.GuardDescription is null) state.Permit(t.Trigger, t.Target);
            else state.PermitIf(triggers[t.Trigger], t.Target, slots => Holds(edge, slots, flow.Slots), t.GuardDescription);
        }
        return new CompiledFlow(flow, builder.Build(), triggers, FlowProgress.Compute(flow, transitions));
    }

    /// <summary>True when the edge is the one taken for these slots (its condition holds and no earlier one did).</summary>
    internal static bool Holds(FlowTransition t, IReadOnlyDictionary<string, string> slots, IReadOnlyDictionary<string, SlotInfo> types) =>
        (t.When?.Evaluate(slots, types) ?? true) && !t.Earlier.Any(c => c.Evaluate(slots, types));
}
