using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Everything configured for one state. Mutable only while its builder is open;
    /// after <c>Build()</c> it is read-only and shared by every machine bound to the definition.
    /// </summary>
    internal sealed partial class StateRepresentation(TState state)
    {
        private static readonly EqualityComparer<TState> StateComparer = EqualityComparer<TState>.Default;

        internal TState UnderlyingState { get; } = state;

        internal StateRepresentation? Superstate { get; set; }

        internal List<StateRepresentation> Substates { get; } = [];

        /// <summary>Behaviours by trigger (lookup) and in configuration order (introspection, graphs).</summary>
        internal Dictionary<TTrigger, List<TriggerBehaviour>> BehavioursByTrigger { get; } = [];

        internal List<TriggerBehaviour> Behaviours { get; } = [];

        internal List<ActionBehaviour<Transition>> EntryActions { get; } = [];

        internal List<ActionBehaviour<Transition>> ExitActions { get; } = [];

        internal List<ActionBehaviour<Transition>> ActivateActions { get; } = [];

        internal List<ActionBehaviour<Transition>> DeactivateActions { get; } = [];

        internal bool HasInitialTransition { get; private set; }

        internal TState InitialTransitionTarget { get; private set; } = default!;

        internal void AddBehaviour(TriggerBehaviour behaviour)
        {
            if (!BehavioursByTrigger.TryGetValue(behaviour.Trigger, out var list))
            {
                list = [];
                BehavioursByTrigger.Add(behaviour.Trigger, list);
            }

            list.Add(behaviour);
            Behaviours.Add(behaviour);
        }

        internal void SetInitialTransition(TState target)
        {
            if (HasInitialTransition)
            {
                throw new InvalidOperationException(
                    $"State '{UnderlyingState}' already has an initial transition (to '{InitialTransitionTarget}'); only one is allowed.");
            }

            if (StateComparer.Equals(target, UnderlyingState))
            {
                throw new ArgumentException($"State '{UnderlyingState}' cannot have an initial transition to itself.", nameof(target));
            }

            HasInitialTransition = true;
            InitialTransitionTarget = target;
        }

        /// <summary>True when <paramref name="state"/> is this state or one of its (transitive) substates.</summary>
        internal bool Includes(TState state)
        {
            if (StateComparer.Equals(UnderlyingState, state))
            {
                return true;
            }

            foreach (var substate in Substates)
            {
                if (substate.Includes(state))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="state"/> is this state or one of its superstates.</summary>
        internal bool IsIncludedIn(TState state) =>
            StateComparer.Equals(UnderlyingState, state) || (Superstate?.IsIncludedIn(state) ?? false);
    }
}
