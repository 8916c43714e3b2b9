using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Fires <paramref name="trigger"/> synchronously. Throws InvalidOperationException when the path reaches an async
    /// guard or action (use <see cref="FireAsync(TTrigger)"/> then), or when the trigger is unhandled and no handler is set.
    /// </summary>
    /// <param name="trigger">The trigger to fire.</param>
    public void Fire(TTrigger trigger) => RunSync(FireCoreAsync(trigger, Args.None, syncOnly: true));

    /// <summary>Fires a parameterised trigger with untyped arguments (count and types are checked).</summary>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="args">The arguments.</param>
    public void Fire(TriggerWithParameters trigger, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        RunSync(FireCoreAsync(trigger.Trigger, args, syncOnly: true));
    }

    /// <summary>Fires a trigger with one typed argument.</summary>
    /// <typeparam name="TArg0">Type of the argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The argument.</param>
    public void Fire<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0) => Fire(trigger, [arg0]);

    /// <summary>Fires a trigger with two typed arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The first argument.</param>
    /// <param name="arg1">The second argument.</param>
    public void Fire<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1) =>
        Fire(trigger, [arg0, arg1]);

    /// <summary>Fires a trigger with three typed arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <typeparam name="TArg2">Type of the third argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The first argument.</param>
    /// <param name="arg1">The second argument.</param>
    /// <param name="arg2">The third argument.</param>
    public void Fire<TArg0, TArg1, TArg2>(TriggerWithParameters<TArg0, TArg1, TArg2> trigger, TArg0 arg0, TArg1 arg1, TArg2 arg2) =>
        Fire(trigger, [arg0, arg1, arg2]);

    /// <summary>Fires <paramref name="trigger"/>, awaiting async guards and actions.</summary>
    /// <param name="trigger">The trigger to fire.</param>
    /// <returns>A task that completes when the trigger (and any queued behind it) has been processed.</returns>
    public Task FireAsync(TTrigger trigger) => FireCoreAsync(trigger, Args.None, syncOnly: false).AsTask();

    /// <summary>Fires a parameterised trigger with untyped arguments, awaiting async work.</summary>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>A task that completes when processing is done.</returns>
    public Task FireAsync(TriggerWithParameters trigger, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return FireCoreAsync(trigger.Trigger, args, syncOnly: false).AsTask();
    }

    /// <summary>Fires a trigger with one typed argument, awaiting async work.</summary>
    /// <typeparam name="TArg0">Type of the argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The argument.</param>
    /// <returns>A task that completes when processing is done.</returns>
    public Task FireAsync<TArg0>(TriggerWithParameters<TArg0> trigger, TArg0 arg0) => FireAsync(trigger, [arg0]);

    /// <summary>Fires a trigger with two typed arguments, awaiting async work.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The first argument.</param>
    /// <param name="arg1">The second argument.</param>
    /// <returns>A task that completes when processing is done.</returns>
    public Task FireAsync<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1) =>
        FireAsync(trigger, [arg0, arg1]);

    /// <summary>Fires a trigger with three typed arguments, awaiting async work.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <typeparam name="TArg2">Type of the third argument.</typeparam>
    /// <param name="trigger">The typed trigger.</param>
    /// <param name="arg0">The first argument.</param>
    /// <param name="arg1">The second argument.</param>
    /// <param name="arg2">The third argument.</param>
    /// <returns>A task that completes when processing is done.</returns>
    public Task FireAsync<TArg0, TArg1, TArg2>(
        TriggerWithParameters<TArg0, TArg1, TArg2> trigger, TArg0 arg0, TArg1 arg1, TArg2 arg2) =>
        FireAsync(trigger, [arg0, arg1, arg2]);
}
