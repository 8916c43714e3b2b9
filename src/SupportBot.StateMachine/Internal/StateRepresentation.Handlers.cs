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
        internal ValueTask<HandlerResult> FindHandlerAsync(TTrigger trigger, object?[] args, bool syncOnly) =>
            TryFindHandlerSync(trigger, args, out var result) ? new ValueTask<HandlerResult>(result) : FindHandlerSlowAsync(trigger, args, syncOnly);

        /// <summary>The hot path: no state machine, no allocation while guards hold. Returns false on the first async guard.</summary>
        private bool TryFindHandlerSync(TTrigger trigger, object?[] args, out HandlerResult result)
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
                    var met = true;
                    foreach (var condition in candidate.Guard.Conditions)
                    {
                        if (condition.IsAsync)
                        {
                            result = default;
                            return false;
                        }

                        if (!condition.IsMet(args))
                        {
                            met = false;
                            (unmet ??= []).Add(condition.Info.Description);
                        }
                    }

                    if (met)
                    {
                        chosen = chosen is null ? candidate : throw Overlap(trigger, level, chosen, candidate);
                    }
                }

                if (chosen is not null)
                {
                    result = new HandlerResult(chosen, null);
                    return true;
                }
            }

            result = new HandlerResult(null, unmet);
            return true;
        }

        private async ValueTask<HandlerResult> FindHandlerSlowAsync(TTrigger trigger, object?[] args, bool syncOnly)
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

                    chosen = chosen is null ? candidate : throw Overlap(trigger, level, chosen, candidate);
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

        private static InvalidOperationException Overlap(
            TTrigger trigger, StateRepresentation level, TriggerBehaviour first, TriggerBehaviour second) => new(
            $"Trigger '{trigger}' in state '{level.UnderlyingState}' has more than one permitted transition: " +
            $"{Name(first)} and {Name(second)}. Guards of one trigger must be mutually exclusive.");

        private static string Name(TriggerBehaviour behaviour)
        {
            var guards = behaviour.Guard.Conditions.Select(c => $"'{c.Info.Description}'");
            return $"{behaviour.Describe()} guarded by [{string.Join(", ", guards)}]";
        }
    }
}
