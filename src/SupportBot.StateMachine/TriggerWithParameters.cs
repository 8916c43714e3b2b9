namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>A trigger that must be fired with arguments of fixed types (see <c>SetTriggerParameters</c>).</summary>
    public abstract class TriggerWithParameters
    {
        private readonly Type[] _argumentTypes;

        private protected TriggerWithParameters(TTrigger trigger, params Type[] argumentTypes)
        {
            Trigger = trigger;
            _argumentTypes = argumentTypes;
        }

        /// <summary>The underlying trigger value.</summary>
        public TTrigger Trigger { get; }

        /// <summary>The types the arguments must have, in order.</summary>
        public IReadOnlyList<Type> ArgumentTypes => _argumentTypes;

        /// <summary>Throws <see cref="ArgumentException"/> when the count or types of <paramref name="args"/> do not match.</summary>
        /// <param name="args">The arguments the trigger is being fired with.</param>
        public void ValidateParameters(object?[] args)
        {
            ArgumentNullException.ThrowIfNull(args);
            if (args.Length != _argumentTypes.Length)
            {
                throw new ArgumentException(
                    $"Trigger '{Trigger}' takes {_argumentTypes.Length} argument(s) but was fired with {args.Length}.", nameof(args));
            }

            for (var i = 0; i < args.Length; i++)
            {
                var expected = _argumentTypes[i];
                var arg = args[i];
                var fits = arg is null
                    ? !expected.IsValueType || Nullable.GetUnderlyingType(expected) is not null
                    : expected.IsInstanceOfType(arg);
                if (!fits)
                {
                    throw new ArgumentException(
                        $"Argument {i} of trigger '{Trigger}' must be {expected.Name} but was {arg?.GetType().Name ?? "null"}.", nameof(args));
                }
            }
        }
    }

    /// <summary>A trigger fired with one typed argument.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    public sealed class TriggerWithParameters<TArg0> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger) : base(trigger, typeof(TArg0)) { }
    }

    /// <summary>A trigger fired with two typed arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    public sealed class TriggerWithParameters<TArg0, TArg1> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger) : base(trigger, typeof(TArg0), typeof(TArg1)) { }
    }

    /// <summary>A trigger fired with three typed arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <typeparam name="TArg2">Type of the third argument.</typeparam>
    public sealed class TriggerWithParameters<TArg0, TArg1, TArg2> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger) : base(trigger, typeof(TArg0), typeof(TArg1), typeof(TArg2)) { }
    }
}
