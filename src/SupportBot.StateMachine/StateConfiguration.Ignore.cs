using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    public sealed partial class StateConfiguration
    {
        /// <summary>Accepts <paramref name="trigger"/> in this state and does nothing (no actions, no events).</summary>
        /// <param name="trigger">The trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration Ignore(TTrigger trigger) => Add(new IgnoredBehaviour(trigger, TransitionGuard.None));

        /// <summary>Ignores <paramref name="trigger"/> while <paramref name="guard"/> holds.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guard">The condition.</param>
        /// <param name="guardDescription">Shown in errors and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration IgnoreIf(TTrigger trigger, Func<bool> guard, string? guardDescription = null) =>
            Add(new IgnoredBehaviour(trigger, Guard(guard, guardDescription)));

        /// <summary>Ignores <paramref name="trigger"/> while all guards hold.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guards">Pairs of condition and description.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration IgnoreIf(TTrigger trigger, params (Func<bool> Guard, string Description)[] guards) =>
            Add(new IgnoredBehaviour(trigger, Guards(guards)));

        /// <summary>Runs <paramref name="action"/> without leaving the state: no exit or entry actions, no events.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="action">The action.</param>
        /// <param name="actionDescription">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransition(TTrigger trigger, Action<Transition> action, string? actionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddInternal(trigger, new ActionBehaviour<Transition>((t, _) => action(t), action, actionDescription), TransitionGuard.None);
        }

        /// <summary>Internal transition guarded by <paramref name="guard"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guard">The condition.</param>
        /// <param name="action">The action.</param>
        /// <param name="guardDescription">Shown in errors and introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransitionIf(
            TTrigger trigger, Func<bool> guard, Action<Transition> action, string? guardDescription = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddInternal(trigger, new ActionBehaviour<Transition>((t, _) => action(t), action, null), Guard(guard, guardDescription));
        }

        /// <summary>Internal transition whose action receives the trigger's typed argument.</summary>
        /// <typeparam name="TArg0">Type of the argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="action">The action.</param>
        /// <param name="actionDescription">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransition<TArg0>(
            TriggerWithParameters<TArg0> trigger, Action<TArg0, Transition> action, string? actionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(action);
            return AddInternal(trigger.Trigger,
                new ActionBehaviour<Transition>((t, a) => action(Args.Get<TArg0>(a, 0), t), action, actionDescription), TransitionGuard.None);
        }

        /// <summary>Async internal transition; requires FireAsync.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="action">The async action.</param>
        /// <param name="actionDescription">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransitionAsync(TTrigger trigger, Func<Transition, Task> action, string? actionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddInternal(trigger, new ActionBehaviour<Transition>((t, _) => action(t), action, actionDescription), TransitionGuard.None);
        }

        /// <summary>Async internal transition whose action receives the trigger's typed argument; requires FireAsync.</summary>
        /// <typeparam name="TArg0">Type of the argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="action">The async action.</param>
        /// <param name="actionDescription">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InternalTransitionAsync<TArg0>(
            TriggerWithParameters<TArg0> trigger, Func<TArg0, Transition, Task> action, string? actionDescription = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(action);
            return AddInternal(trigger.Trigger,
                new ActionBehaviour<Transition>((t, a) => action(Args.Get<TArg0>(a, 0), t), action, actionDescription), TransitionGuard.None);
        }

        private StateConfiguration AddInternal(TTrigger trigger, ActionBehaviour<Transition> action, TransitionGuard guard) =>
            Add(new InternalBehaviour(trigger, action, guard));
    }
}
