using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>Fluent configuration of one state; every method returns this object for chaining.</summary>
    public sealed partial class StateConfiguration
    {
        private readonly StateMachineBuilder<TState, TTrigger> _builder;
        private readonly StateRepresentation _representation;

        internal StateConfiguration(StateMachineBuilder<TState, TTrigger> builder, StateRepresentation representation)
        {
            _builder = builder;
            _representation = representation;
        }

        /// <summary>The state being configured.</summary>
        public TState State => _representation.UnderlyingState;

        /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> fires.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destination">The destination; must differ from this state (use PermitReentry for that).</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration Permit(TTrigger trigger, TState destination) =>
            AddFixed(trigger, destination, TransitionGuard.None);

        /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> fires and <paramref name="guard"/> holds.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destination">The destination state.</param>
        /// <param name="guard">The condition.</param>
        /// <param name="guardDescription">Shown in errors, CanFire results and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string? guardDescription = null) =>
            AddFixed(trigger, destination, Guard(guard, guardDescription));

        /// <summary>Like PermitIf, with several guards that must all hold.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destination">The destination state.</param>
        /// <param name="guards">Pairs of condition and description.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, params (Func<bool> Guard, string Description)[] guards) =>
            AddFixed(trigger, destination, Guards(guards));

        /// <summary>PermitIf with a guard over the trigger's typed argument.</summary>
        /// <typeparam name="TArg0">Type of the argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="destination">The destination state.</param>
        /// <param name="guard">The condition over the argument.</param>
        /// <param name="guardDescription">Shown in errors, CanFire results and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitIf<TArg0>(
            TriggerWithParameters<TArg0> trigger, TState destination, Func<TArg0, bool> guard, string? guardDescription = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(guard);
            var condition = new GuardCondition(args => guard(Args.Get<TArg0>(args, 0)), guard, guardDescription);
            return AddFixed(trigger.Trigger, destination, new TransitionGuard([condition]));
        }

        /// <summary>PermitIf with an async guard; the trigger must then be fired with FireAsync.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destination">The destination state.</param>
        /// <param name="guard">The async condition.</param>
        /// <param name="guardDescription">Shown in errors, CanFire results and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitIfAsync(
            TTrigger trigger, TState destination, Func<Task<bool>> guard, string? guardDescription = null)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddFixed(trigger, destination, new TransitionGuard([new GuardCondition(_ => guard(), guard, guardDescription)]));
        }

        /// <summary>Leaves and re-enters this state (exit then entry actions run) when <paramref name="trigger"/> fires.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitReentry(TTrigger trigger) => AddReentry(trigger, TransitionGuard.None);

        /// <summary>Reentry guarded by <paramref name="guard"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guard">The condition.</param>
        /// <param name="guardDescription">Shown in errors and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitReentryIf(TTrigger trigger, Func<bool> guard, string? guardDescription = null) =>
            AddReentry(trigger, Guard(guard, guardDescription));

        /// <summary>Reentry guarded by several conditions that must all hold.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="guards">Pairs of condition and description.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitReentryIf(TTrigger trigger, params (Func<bool> Guard, string Description)[] guards) =>
            AddReentry(trigger, Guards(guards));

        private StateConfiguration AddFixed(TTrigger trigger, TState destination, TransitionGuard guard)
        {
            if (EqualityComparer<TState>.Default.Equals(destination, State))
            {
                throw new ArgumentException(
                    $"Permit() from '{State}' to itself is not allowed. Use PermitReentry() to run exit and entry again, " +
                    "or Ignore()/InternalTransition() to stay without them.", nameof(destination));
            }

            _builder.GetOrAdd(destination); // so graphs list destinations in configuration order
            return Add(new FixedBehaviour(trigger, destination, isReentry: false, guard));
        }

        private StateConfiguration AddReentry(TTrigger trigger, TransitionGuard guard) =>
            Add(new FixedBehaviour(trigger, State, isReentry: true, guard));

        private StateConfiguration Add(TriggerBehaviour behaviour)
        {
            _builder.EnsureOpen();
            _representation.AddBehaviour(behaviour);
            return this;
        }

        private static TransitionGuard Guard(Func<bool> guard, string? description)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return new TransitionGuard([new GuardCondition(_ => guard(), guard, description)]);
        }

        private static TransitionGuard Guards((Func<bool> Guard, string Description)[] guards)
        {
            ArgumentNullException.ThrowIfNull(guards);
            return new TransitionGuard(Array.ConvertAll(guards, g =>
            {
                var guard = g.Guard ?? throw new ArgumentNullException(nameof(guards));
                return new GuardCondition(_ => guard(), guard, g.Description);
            }));
        }
    }
}
