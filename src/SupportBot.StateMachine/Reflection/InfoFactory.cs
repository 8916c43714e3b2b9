namespace SupportBot.StateMachine.Reflection;

/// <summary>Turns a definition into the reflection model (two passes: create every StateInfo, then link them).</summary>
internal static class InfoFactory
{
    internal static StateMachineInfo Create<TState, TTrigger>(
        StateMachineDefinition<TState, TTrigger> definition, bool hasInitialState, TState initialState)
        where TState : notnull
        where TTrigger : notnull
    {
        var infos = new Dictionary<TState, StateInfo>();
        var ordered = new List<StateInfo>();
        StateInfo InfoOf(TState state)
        {
            if (!infos.TryGetValue(state, out var info))
            {
                info = new StateInfo(state);
                infos.Add(state, info);
                ordered.Add(info);
            }

            return info;
        }

        var representations = definition.States.ToList();
        foreach (var representation in representations)
        {
            InfoOf(representation.UnderlyingState);
        }

        foreach (var representation in representations)
        {
            var info = InfoOf(representation.UnderlyingState);
            info.Superstate = representation.Superstate is { } parent ? InfoOf(parent.UnderlyingState) : null;
            info.Substates = [.. representation.Substates.Select(s => InfoOf(s.UnderlyingState))];
            info.InitialTransitionTarget = representation.HasInitialTransition ? InfoOf(representation.InitialTransitionTarget) : null;
            info.EntryActions = [.. representation.EntryActions.Select(a => new ActionInfo(a.Info, a.HasFromTrigger ? a.FromTrigger : null))];
            info.ExitActions = [.. representation.ExitActions.Select(a => a.Info)];
            info.ActivateActions = [.. representation.ActivateActions.Select(a => a.Info)];
            info.DeactivateActions = [.. representation.DeactivateActions.Select(a => a.Info)];
            info.Transitions = [.. representation.Behaviours.Select(b => Describe(b, InfoOf))];
        }

        var initial = hasInitialState ? InfoOf(initialState) : null;
        return new StateMachineInfo(initial, ordered, typeof(TState), typeof(TTrigger));
    }

    private static TransitionInfo Describe<TState, TTrigger>(
        StateMachine<TState, TTrigger>.TriggerBehaviour behaviour, Func<TState, StateInfo> infoOf)
        where TState : notnull
        where TTrigger : notnull
    {
        InvocationInfo[] guards = [.. behaviour.Guard.Conditions.Select(c => c.Info)];
        object trigger = behaviour.Trigger;
        return behaviour switch
        {
            StateMachine<TState, TTrigger>.FixedBehaviour f => new FixedTransitionInfo(trigger, guards, infoOf(f.Destination), f.IsReentry),
            StateMachine<TState, TTrigger>.DynamicBehaviour d =>
                new DynamicTransitionInfo(trigger, guards, d.Selector, [.. d.PossibleDestinations.Select(infoOf)]),
            StateMachine<TState, TTrigger>.InternalBehaviour i => new InternalTransitionInfo(trigger, guards, i.Action.Info),
            _ => new IgnoredTransitionInfo(trigger, guards),
        };
    }
}
