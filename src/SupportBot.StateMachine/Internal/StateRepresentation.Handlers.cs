namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>The behaviour chosen for a trigger, or the descriptions of the guards that blocked it.</summary>
    internal readonly record struct HandlerResult(TriggerBehaviour? Handler, List<string>? UnmetGuards);

    internal sealed partial class StateRepresentation
    {
        /// <summary>
        /// Finds the one behaviour whose guards hold, looking at this state first and then its superstates
        /// (so a substate overrides its superstate). Two passing guards on one level is a configuration error.
        /// </summary>
        internal async ValueTask<HandlerResult> FindHandlerAsync(TTrigger trigger, object?[] args, bool syncOnly)
        {
            List<string>? unmet = null;
            for (var level = this; level is not null; level = level.Superstate)
            {
                if (!level.BehavioursByTrigger.TryGetValue(trigger, out var candidates))
                {
                    continue;
                }

                TriggerBehaviour? chosen = null;
                foreach (var candidate in candidates)
                {
                    if (!await IsMetAsync(candidate.Guard, args, syncOnly, unmet ??= candidate.Guard.Conditions.Length > 0 ? [] : null)
                        .ConfigureAwait(false))
                    {
                        continue;
                    }

                    if (chosen is not null)
                    {
                        throw new InvalidOperationException(
                            $"Trigger '{trigger}' in state '{level.UnderlyingState}' has more than one permitted transition: " +
                            $"{Name(chosen)} and {Name(candidate)}. Guards of one trigger must be mutually exclusive.");
                    }

                    chosen = candidate;
                }

                if (chosen is not null)
                {
                    return new HandlerResult(chosen, null);
                }
            }

            return new HandlerResult(null, unmet);
        }

        /// <summary>Triggers whose guards hold in this state or a superstate, innermost first, each once.</summary>
        internal async ValueTask<List<TTrigger>> GetPermittedTriggersAsync(object?[] args, bool syncOnly)
        {
            var permitted = new List<TTrigger>();
            for (var level = this; level is not null; level = level.Superstate)
            {
                foreach (var behaviour in level.Behaviours)
                {
                    if (!permitted.Contains(behaviour.Trigger)
                        && await behaviour.Guard.EvaluateAsync(args, syncOnly, null).ConfigureAwait(false))
                    {
                        permitted.Add(behaviour.Trigger);
                    }
                }
            }

            return permitted;
        }

        private static ValueTask<bool> IsMetAsync(Internal.TransitionGuard guard, object?[] args, bool syncOnly, List<string>? unmet) =>
            guard.Conditions.Length == 0 ? new ValueTask<bool>(true) : guard.EvaluateAsync(args, syncOnly, unmet);

        private static string Name(TriggerBehaviour behaviour)
        {
            var guards = behaviour.Guard.Conditions.Select(c => $"'{c.Info.Description}'");
            return $"{behaviour.Describe()} guarded by [{string.Join(", ", guards)}]";
        }
    }
}
