namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>Describes one move of the machine, passed to entry/exit actions and transition events.</summary>
    public sealed class Transition
    {
        private readonly TransitionKind _kind;

        internal Transition(TState source, TState destination, TTrigger trigger, object?[] parameters, TransitionKind kind)
        {
            Source = source;
            Destination = destination;
            Trigger = trigger;
            Parameters = parameters;
            _kind = kind;
        }

        /// <summary>The state the machine was in before the move.</summary>
        public TState Source { get; }

        /// <summary>The state the machine moves to.</summary>
        public TState Destination { get; }

        /// <summary>The trigger that caused the move (the default value for <see cref="IsStart"/>).</summary>
        public TTrigger Trigger { get; }

        /// <summary>The arguments the trigger was fired with (empty when it has none).</summary>
        public object?[] Parameters { get; }

        /// <summary>True when the machine leaves and re-enters the same state (exit and entry both run).</summary>
        public bool IsReentry => _kind == TransitionKind.Reentry;

        /// <summary>True for the automatic move into a superstate's initial substate.</summary>
        public bool IsInitial => _kind == TransitionKind.Initial;

        /// <summary>True when the initial state is entered by <see cref="Start"/>.</summary>
        public bool IsStart => _kind == TransitionKind.Start;

        internal bool IsInternal => _kind == TransitionKind.Internal;

        /// <inheritdoc />
        public override string ToString() => $"{Source} --{Trigger}--> {Destination}";
    }

    internal enum TransitionKind
    {
        Normal,
        Reentry,
        Internal,
        Initial,
        Start,
    }
}
