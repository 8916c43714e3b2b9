using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    public sealed partial class StateConfiguration
    {
        /// <summary>Runs <paramref name="exitAction"/> whenever the state is left (including reentry).</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExit(Action exitAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(exitAction);
            return AddTo(_representation.ExitActions, new((_, _) => exitAction(), exitAction, description));
        }

        /// <summary>Runs <paramref name="exitAction"/> with the transition whenever the state is left.</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExit(Action<Transition> exitAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(exitAction);
            return AddTo(_representation.ExitActions, new((t, _) => exitAction(t), exitAction, description));
        }

        /// <summary>Async exit action; requires FireAsync.</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExitAsync(Func<Task> exitAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(exitAction);
            return AddTo(_representation.ExitActions, new((_, _) => exitAction(), exitAction, description));
        }

        /// <summary>Async exit action receiving the transition; requires FireAsync.</summary>
        /// <param name="exitAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnExitAsync(Func<Transition, Task> exitAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(exitAction);
            return AddTo(_representation.ExitActions, new((t, _) => exitAction(t), exitAction, description));
        }

        /// <summary>Runs <paramref name="activateAction"/> when the machine is activated in this state (or a substate).</summary>
        /// <param name="activateAction">The action.</param>
        /// <param name="description">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnActivate(Action activateAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(activateAction);
            return AddTo(_representation.ActivateActions, new((_, _) => activateAction(), activateAction, description));
        }

        /// <summary>Async activation action; requires ActivateAsync.</summary>
        /// <param name="activateAction">The action.</param>
        /// <param name="description">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnActivateAsync(Func<Task> activateAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(activateAction);
            return AddTo(_representation.ActivateActions, new((_, _) => activateAction(), activateAction, description));
        }

        /// <summary>Runs <paramref name="deactivateAction"/> when the machine is deactivated in this state (or a substate).</summary>
        /// <param name="deactivateAction">The action.</param>
        /// <param name="description">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnDeactivate(Action deactivateAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(deactivateAction);
            return AddTo(_representation.DeactivateActions, new((_, _) => deactivateAction(), deactivateAction, description));
        }

        /// <summary>Async deactivation action; requires DeactivateAsync.</summary>
        /// <param name="deactivateAction">The action.</param>
        /// <param name="description">Shown in introspection.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnDeactivateAsync(Func<Task> deactivateAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(deactivateAction);
            return AddTo(_representation.DeactivateActions, new((_, _) => deactivateAction(), deactivateAction, description));
        }

        private StateConfiguration AddTo(List<ActionBehaviour<Transition>> actions, ActionBehaviour<Transition> action)
        {
            _builder.EnsureOpen();
            actions.Add(action);
            return this;
        }
    }
}
