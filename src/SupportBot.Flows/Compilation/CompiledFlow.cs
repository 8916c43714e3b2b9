using SupportBot.Flows.Model;
using SupportBot.StateMachine;

namespace SupportBot.Flows.Compilation;

/// <summary>
/// One flow version ready to run: the definition, its shared (immutable) state machine, the edge list and
/// the computed progress of each state. Shared by every conversation on this version; holds no conversation state.
/// </summary>
public sealed class CompiledFlow
{
    private readonly Dictionary<string, StateMachine<string, string>.TriggerWithParameters<IReadOnlyDictionary<string, string>>> _triggers;

    internal CompiledFlow(
        FlowDefinition definition,
        StateMachineDefinition<string, string> machine,
        Dictionary<string, StateMachine<string, string>.TriggerWithParameters<IReadOnlyDictionary<string, string>>> triggers,
        IReadOnlyDictionary<string, double> progress)
    {
        Definition = definition;
        Machine = machine;
        _triggers = triggers;
        Progress = progress;
        Transitions = FlowTransition.Of(definition);
    }

    /// <summary>The flow as loaded.</summary>
    public FlowDefinition Definition { get; }

    /// <summary>Flow id.</summary>
    public string Id => Definition.Id;

    /// <summary>Flow version.</summary>
    public string Version => Definition.Version;

    /// <summary>The shared state machine definition (states = state ids, triggers = choice ids / answered / gave-up).</summary>
    public StateMachineDefinition<string, string> Machine { get; }

    /// <summary>Every edge, the unit of transition coverage.</summary>
    public IReadOnlyList<FlowTransition> Transitions { get; }

    /// <summary>State id → 0..1, how far along the flow the state is (ends are 1).</summary>
    public IReadOnlyDictionary<string, double> Progress { get; }

    /// <summary>
    /// Fires <paramref name="trigger"/> from <paramref name="state"/> on a machine bound to a local variable
    /// (the conversation's state lives in its dialog state, not here) and returns the edge taken.
    /// </summary>
    public FlowTransition Fire(string state, string trigger, IReadOnlyDictionary<string, string> slots)
    {
        var current = state;
        var machine = Machine.Bind(() => current, s => current = s);
        machine.Fire(_triggers[trigger], slots);
        // The machine decided the target; the edge list tells which branch that was (first that holds).
        return Transitions.First(t => t.Source == state && t.Trigger == trigger && t.Target == current
            && FlowCompiler.Holds(t, slots, Definition.Slots));
    }
}
