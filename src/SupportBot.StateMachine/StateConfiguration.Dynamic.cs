using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    public sealed partial class StateConfiguration
    {
        /// <summary>
        /// Moves to the state chosen by <paramref name="destinationSelector"/> at fire time. If it returns this state,
        /// the move is a reentry.
        /// </summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destinationSelector">Chooses the destination.</param>
        /// <param name="selectorDescription">Shown in graphs (decision node).</param>
        /// <param name="possibleDestinations">The states the selector may return, for graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitDynamic(
            TTrigger trigger, Func<TState> destinationSelector, string? selectorDescription = null,
            IEnumerable<TState>? possibleDestinations = null)
        {
            ArgumentNullException.ThrowIfNull(destinationSelector);
            return AddDynamic(new DynamicBehaviour(trigger, _ => destinationSelector(), destinationSelector, selectorDescription,
                Destinations(possibleDestinations), TransitionGuard.None));
        }

        /// <summary>PermitDynamic whose selector reads the trigger's typed argument.</summary>
        /// <typeparam name="TArg0">Type of the argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="destinationSelector">Chooses the destination from the argument.</param>
        /// <param name="selectorDescription">Shown in graphs.</param>
        /// <param name="possibleDestinations">The states the selector may return, for graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitDynamic<TArg0>(
            TriggerWithParameters<TArg0> trigger, Func<TArg0, TState> destinationSelector, string? selectorDescription = null,
            IEnumerable<TState>? possibleDestinations = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(destinationSelector);
            return AddDynamic(new DynamicBehaviour(trigger.Trigger, args => destinationSelector(Args.Get<TArg0>(args, 0)),
                destinationSelector, selectorDescription, Destinations(possibleDestinations), TransitionGuard.None));
        }

        /// <summary>PermitDynamic guarded by <paramref name="guard"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destinationSelector">Chooses the destination.</param>
        /// <param name="guard">The condition.</param>
        /// <param name="guardDescription">Shown in errors and graphs.</param>
        /// <param name="selectorDescription">Shown in graphs.</param>
        /// <param name="possibleDestinations">The states the selector may return, for graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitDynamicIf(
            TTrigger trigger, Func<TState> destinationSelector, Func<bool> guard, string? guardDescription = null,
            string? selectorDescription = null, IEnumerable<TState>? possibleDestinations = null)
        {
            ArgumentNullException.ThrowIfNull(destinationSelector);
            return AddDynamic(new DynamicBehaviour(trigger, _ => destinationSelector(), destinationSelector, selectorDescription,
                Destinations(possibleDestinations), Guard(guard, guardDescription)));
        }

        /// <summary>PermitDynamic with an async selector; requires FireAsync.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="destinationSelector">Chooses the destination asynchronously.</param>
        /// <param name="selectorDescription">Shown in graphs.</param>
        /// <param name="possibleDestinations">The states the selector may return, for graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration PermitDynamicAsync(
            TTrigger trigger, Func<Task<TState>> destinationSelector, string? selectorDescription = null,
            IEnumerable<TState>? possibleDestinations = null)
        {
            ArgumentNullException.ThrowIfNull(destinationSelector);
            return AddDynamic(new DynamicBehaviour(trigger, _ => destinationSelector(), destinationSelector, selectorDescription,
                Destinations(possibleDestinations), TransitionGuard.None));
        }

        private StateConfiguration AddDynamic(DynamicBehaviour behaviour)
        {
            _builder.EnsureOpen();
            foreach (var destination in behaviour.PossibleDestinations)
            {
                _builder.GetOrAdd(destination);
            }

            return Add(behaviour);
        }

        private static TState[] Destinations(IEnumerable<TState>? possibleDestinations) =>
            possibleDestinations is null ? [] : [.. possibleDestinations];
    }
}
