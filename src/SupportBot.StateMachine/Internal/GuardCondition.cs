using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine.Internal;

/// <summary>One guard of a transition: a sync or async predicate over the trigger arguments, plus its description.</summary>
internal sealed class GuardCondition
{
    private readonly Func<object?[], bool>? _sync;
    private readonly Func<object?[], Task<bool>>? _async;

    internal GuardCondition(Func<object?[], bool> guard, Delegate original, string? description)
    {
        _sync = guard;
        Info = new InvocationInfo(original, description, isAsync: false);
    }

    internal GuardCondition(Func<object?[], Task<bool>> guard, Delegate original, string? description)
    {
        _async = guard;
        Info = new InvocationInfo(original, description, isAsync: true);
    }

    internal InvocationInfo Info { get; }

    internal bool IsAsync => _async is not null;

    internal bool IsMet(object?[] args) => _sync!(args);

    internal async ValueTask<bool> IsMetAsync(object?[] args, bool syncOnly)
    {
        if (_sync is not null)
        {
            return _sync(args);
        }

        if (syncOnly)
        {
            throw SyncOverAsync.Error($"guard '{Info.Description}'");
        }

        return await _async!(args).ConfigureAwait(false);
    }
}
