using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine.Internal;

/// <summary>A configured action (entry, exit, activate, internal transition), sync or async.</summary>
/// <typeparam name="TTransition">The machine's transition type passed to the action.</typeparam>
internal sealed class ActionBehaviour<TTransition>
    where TTransition : class
{
    private readonly Action<TTransition, object?[]>? _sync;
    private readonly Func<TTransition, object?[], Task>? _async;

    internal ActionBehaviour(Action<TTransition, object?[]> action, Delegate original, string? description)
    {
        _sync = action;
        Info = new InvocationInfo(original, description, isAsync: false);
    }

    internal ActionBehaviour(Func<TTransition, object?[], Task> action, Delegate original, string? description)
    {
        _async = action;
        Info = new InvocationInfo(original, description, isAsync: true);
    }

    internal InvocationInfo Info { get; }

    /// <summary>Set for OnEntryFrom: the action runs only when entered by this trigger.</summary>
    internal object? FromTrigger { get; private set; }

    internal bool HasFromTrigger { get; private set; }

    internal ActionBehaviour<TTransition> OnlyFrom(object trigger)
    {
        FromTrigger = trigger;
        HasFromTrigger = true;
        return this;
    }

    internal ValueTask ExecuteAsync(TTransition transition, object?[] args, bool syncOnly)
    {
        if (_sync is not null)
        {
            _sync(transition, args);
            return ValueTask.CompletedTask;
        }

        if (syncOnly)
        {
            throw SyncOverAsync.Error($"action '{Info.Description}'");
        }

        return new ValueTask(_async!(transition, args));
    }
}
