namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    public sealed partial class StateConfiguration
    {
        /// <summary>
        /// Makes this state a substate of <paramref name="superstate"/>: it inherits the superstate's transitions
        /// (its own override them) and <c>IsInState(superstate)</c> is true while in it.
        /// </summary>
        /// <param name="superstate">The parent state.</param>
        /// <returns>This configuration.</returns>
        /// <exception cref="ArgumentException">The hierarchy would contain a cycle, or a second superstate is given.</exception>
        public StateConfiguration SubstateOf(TState superstate)
        {
            _builder.EnsureOpen();
            var parent = _builder.GetOrAdd(superstate);
            for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Superstate)
            {
                if (ReferenceEquals(ancestor, _representation))
                {
                    throw new ArgumentException(
                        $"'{State}' cannot be a substate of '{superstate}': the state hierarchy would contain a cycle.", nameof(superstate));
                }
            }

            if (_representation.Superstate is { } existing)
            {
                if (ReferenceEquals(existing, parent))
                {
                    return this;
                }

                throw new ArgumentException(
                    $"'{State}' is already a substate of '{existing.UnderlyingState}'; a state has one superstate.", nameof(superstate));
            }

            _representation.Superstate = parent;
            parent.Substates.Add(_representation);
            return this;
        }

        /// <summary>
        /// Entering this (super)state moves straight on to <paramref name="target"/>, one of its substates.
        /// One per state; the target is checked when the definition is built.
        /// </summary>
        /// <param name="target">The substate to enter.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration InitialTransition(TState target)
        {
            _builder.EnsureOpen();
            _representation.SetInitialTransition(target);
            _builder.GetOrAdd(target);
            return this;
        }
    }
}
