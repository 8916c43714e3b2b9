namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    internal sealed partial class StateRepresentation
    {
        /// <summary>
        /// Runs entry actions: superstates first when arriving from outside them; nothing for superstates that
        /// contain the source (sibling moves); only this state's own actions on reentry.
        /// </summary>
        internal ValueTask EnterAsync(Transition transition, bool syncOnly) =>
            EntryActions.Count == 0 && Superstate is null && !transition.IsReentry
                ? ValueTask.CompletedTask // fast path: nothing to run, skip the async state machine
                : EnterCoreAsync(transition, syncOnly);

        private async ValueTask EnterCoreAsync(Transition transition, bool syncOnly)
        {
            if (!transition.IsReentry)
            {
                if (!transition.IsStart && Includes(transition.Source))
                {
                    return; // arrived from one of our own substates: we never left
                }

                if (Superstate is not null)
                {
                    await Superstate.EnterAsync(transition, syncOnly).ConfigureAwait(false);
                }
            }

            foreach (var action in EntryActions)
            {
                if (!action.HasFromTrigger || (!transition.IsStart && Equals(action.FromTrigger, transition.Trigger)))
                {
                    await action.ExecuteAsync(transition, transition.Parameters, syncOnly).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Runs exit actions: this state, then each superstate that does not contain the destination.</summary>
        internal ValueTask ExitAsync(Transition transition, bool syncOnly) =>
            ExitActions.Count == 0 && Superstate is null ? ValueTask.CompletedTask : ExitCoreAsync(transition, syncOnly);

        private async ValueTask ExitCoreAsync(Transition transition, bool syncOnly)
        {
            if (!transition.IsReentry && Includes(transition.Destination))
            {
                return; // moving into one of our own substates: we stay
            }

            foreach (var action in ExitActions)
            {
                await action.ExecuteAsync(transition, transition.Parameters, syncOnly).ConfigureAwait(false);
            }

            if (!transition.IsReentry && Superstate is not null)
            {
                await Superstate.ExitAsync(transition, syncOnly).ConfigureAwait(false);
            }
        }

        /// <summary>Activation runs superstates first; deactivation runs this state first, then superstates.</summary>
        internal async ValueTask ActivateAsync(Transition transition, bool syncOnly)
        {
            if (Superstate is not null)
            {
                await Superstate.ActivateAsync(transition, syncOnly).ConfigureAwait(false);
            }

            foreach (var action in ActivateActions)
            {
                await action.ExecuteAsync(transition, transition.Parameters, syncOnly).ConfigureAwait(false);
            }
        }

        internal async ValueTask DeactivateAsync(Transition transition, bool syncOnly)
        {
            foreach (var action in DeactivateActions)
            {
                await action.ExecuteAsync(transition, transition.Parameters, syncOnly).ConfigureAwait(false);
            }

            if (Superstate is not null)
            {
                await Superstate.DeactivateAsync(transition, syncOnly).ConfigureAwait(false);
            }
        }
    }
}
