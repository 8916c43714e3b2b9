using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>Triggers that can be fired now (guards evaluated without arguments; ignored triggers included).</summary>
    public IEnumerable<TTrigger> PermittedTriggers => GetPermittedTriggers();

    /// <summary>Triggers whose guards hold in the current state or a superstate, for the given arguments.</summary>
    /// <param name="args">Arguments passed to typed guards.</param>
    /// <returns>Permitted triggers, innermost state first, each once.</returns>
    public IEnumerable<TTrigger> GetPermittedTriggers(params object?[] args)
    {
        var pending = CurrentRepresentation.GetPermittedTriggersAsync(args, syncOnly: true);
        return pending.IsCompleted ? pending.Result : throw SyncOverAsync.Error("guard");
    }

    /// <summary>Async form of <see cref="GetPermittedTriggers"/>; needed when async guards are configured.</summary>
    /// <param name="args">Arguments passed to typed guards.</param>
    /// <returns>Permitted triggers.</returns>
    public async Task<IEnumerable<TTrigger>> GetPermittedTriggersAsync(params object?[] args) =>
        await CurrentRepresentation.GetPermittedTriggersAsync(args, syncOnly: false).ConfigureAwait(false);

    /// <summary>True when firing <paramref name="trigger"/> now would be handled (a transition, internal action or ignore).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>Whether it can be fired.</returns>
    public bool CanFire(TTrigger trigger) => CanFireCore(trigger, Args.None, out _);

    /// <summary>Like <see cref="CanFire(TTrigger)"/>, also returning the descriptions of the guards that were not met.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="unmetGuards">Descriptions of failing guards (empty when it can fire).</param>
    /// <returns>Whether it can be fired.</returns>
    public bool CanFire(TTrigger trigger, out ICollection<string> unmetGuards) => CanFireCore(trigger, Args.None, out unmetGuards);

    /// <summary>CanFire for a trigger with one typed argument.</summary>
    /// <typeparam name="TArg0">Type of the argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The argument passed to guards.</param>
    /// <returns>Whether it can be fired.</returns>
    public bool CanFire<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0) => CanFire(trigger, arg0, out _);

    /// <summary>CanFire for a trigger with one typed argument, returning unmet guard descriptions.</summary>
    /// <typeparam name="TArg0">Type of the argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The argument passed to guards.</param>
    /// <param name="unmetGuards">Descriptions of failing guards.</param>
    /// <returns>Whether it can be fired.</returns>
    public bool CanFire<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0, out ICollection<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return CanFireCore(trigger.Trigger, [arg0], out unmetGuards);
    }

    /// <summary>CanFire for a trigger with two typed arguments, returning unmet guard descriptions.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The first argument.</param>
    /// <param name="arg1">The second argument.</param>
    /// <param name="unmetGuards">Descriptions of failing guards.</param>
    /// <returns>Whether it can be fired.</returns>
    public bool CanFire<TArg0, TArg1>(
        TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1, out ICollection<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return CanFireCore(trigger.Trigger, [arg0, arg1], out unmetGuards);
    }

    /// <summary>CanFire for a trigger with three typed arguments, returning unmet guard descriptions.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <typeparam name="TArg2">Type of the third argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The first argument.</param>
    /// <param name="arg1">The second argument.</param>
    /// <param name="arg2">The third argument.</param>
    /// <param name="unmetGuards">Descriptions of failing guards.</param>
    /// <returns>Whether it can be fired.</returns>
    public bool CanFire<TArg0, TArg1, TArg2>(
        TriggerWithParameters<TArg0, TArg1, TArg2> trigger, TArg0 arg0, TArg1 arg1, TArg2 arg2, out ICollection<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return CanFireCore(trigger.Trigger, [arg0, arg1, arg2], out unmetGuards);
    }

    private StateRepresentation CurrentRepresentation => Definition.GetRepresentation(State);

    private bool CanFireCore(TTrigger trigger, object?[] args, out ICollection<string> unmetGuards)
    {
        var pending = CurrentRepresentation.FindHandlerAsync(trigger, args, syncOnly: true);
        var result = pending.IsCompleted ? pending.Result : throw SyncOverAsync.Error("guard");
        unmetGuards = result.Handler is null ? (ICollection<string>?)result.UnmetGuards ?? [] : [];
        return result.Handler is not null;
    }
}
