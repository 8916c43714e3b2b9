using SupportBot.StateMachine.Internal;
using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine;

// The machine's helper types are nested in the partial generic class so they share TState/TTrigger.
public partial class StateMachine<TState, TTrigger>
{
    /// <summary>What a state does with one trigger, when its guard holds.</summary>
    internal abstract class TriggerBehaviour(TTrigger trigger, TransitionGuard guard)
    {
        internal TTrigger Trigger { get; } = trigger;

        internal TransitionGuard Guard { get; } = guard;

        /// <summary>A short name for error messages about overlapping guards.</summary>
        internal abstract string Describe();
    }

    /// <summary>Permit / PermitIf / PermitReentry: a fixed destination.</summary>
    internal sealed class FixedBehaviour(TTrigger trigger, TState destination, bool isReentry, TransitionGuard guard)
        : TriggerBehaviour(trigger, guard)
    {
        internal TState Destination { get; } = destination;

        internal bool IsReentry { get; } = isReentry;

        internal override string Describe() => (IsReentry ? "reentry to '" : "transition to '") + Destination + "'";
    }

    /// <summary>PermitDynamic: the destination is chosen at fire time.</summary>
    internal sealed class DynamicBehaviour : TriggerBehaviour
    {
        private readonly Func<object?[], TState>? _sync;
        private readonly Func<object?[], Task<TState>>? _async;

        internal DynamicBehaviour(TTrigger trigger, Func<object?[], TState> selector, Delegate original, string? description,
            TState[] possibleDestinations, TransitionGuard guard)
            : base(trigger, guard)
        {
            _sync = selector;
            Selector = new InvocationInfo(original, description, isAsync: false);
            PossibleDestinations = possibleDestinations;
        }

        internal DynamicBehaviour(TTrigger trigger, Func<object?[], Task<TState>> selector, Delegate original, string? description,
            TState[] possibleDestinations, TransitionGuard guard)
            : base(trigger, guard)
        {
            _async = selector;
            Selector = new InvocationInfo(original, description, isAsync: true);
            PossibleDestinations = possibleDestinations;
        }

        internal InvocationInfo Selector { get; }

        internal TState[] PossibleDestinations { get; }

        internal ValueTask<TState> SelectAsync(object?[] args, bool syncOnly)
        {
            if (_sync is not null)
            {
                return new ValueTask<TState>(_sync(args));
            }

            if (syncOnly)
            {
                throw SyncOverAsync.Error($"destination selector '{Selector.Description}'");
            }

            return new ValueTask<TState>(_async!(args));
        }

        internal override string Describe() => $"dynamic transition ({Selector.Description})";
    }

    /// <summary>Ignore / IgnoreIf: the trigger is accepted and nothing happens.</summary>
    internal sealed class IgnoredBehaviour(TTrigger trigger, TransitionGuard guard) : TriggerBehaviour(trigger, guard)
    {
        internal override string Describe() => "ignore";
    }

    /// <summary>InternalTransition: run an action without leaving the state.</summary>
    internal sealed class InternalBehaviour(TTrigger trigger, ActionBehaviour<Transition> action, TransitionGuard guard)
        : TriggerBehaviour(trigger, guard)
    {
        internal ActionBehaviour<Transition> Action { get; } = action;

        internal override string Describe() => $"internal transition ({Action.Info.Description})";
    }
}
