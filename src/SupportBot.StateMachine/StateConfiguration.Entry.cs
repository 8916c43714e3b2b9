using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    public sealed partial class StateConfiguration
    {
        /// <summary>Runs <paramref name="entryAction"/> whenever the state is entered.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntry(Action entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntry(new ActionBehaviour<Transition>((_, _) => entryAction(), entryAction, description));
        }

        /// <summary>Runs <paramref name="entryAction"/> with the transition whenever the state is entered.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntry(Action<Transition> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntry(new ActionBehaviour<Transition>((t, _) => entryAction(t), entryAction, description));
        }

        /// <summary>Async entry action; requires FireAsync.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryAsync(Func<Task> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntry(new ActionBehaviour<Transition>((_, _) => entryAction(), entryAction, description));
        }

        /// <summary>Async entry action receiving the transition; requires FireAsync.</summary>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryAsync(Func<Transition, Task> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntry(new ActionBehaviour<Transition>((t, _) => entryAction(t), entryAction, description));
        }

        /// <summary>Runs <paramref name="entryAction"/> only when the state is entered by <paramref name="trigger"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action<Transition> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger, new ActionBehaviour<Transition>((t, _) => entryAction(t), entryAction, description));
        }

        /// <summary>Runs <paramref name="entryAction"/> only when entered by <paramref name="trigger"/>.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger, new ActionBehaviour<Transition>((_, _) => entryAction(), entryAction, description));
        }

        /// <summary>Entry action for a typed trigger, receiving its argument.</summary>
        /// <typeparam name="TArg0">Type of the argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom<TArg0>(
            TriggerWithParameters<TArg0> trigger, Action<TArg0, Transition> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger.Trigger,
                new ActionBehaviour<Transition>((t, a) => entryAction(Args.Get<TArg0>(a, 0), t), entryAction, description));
        }

        /// <summary>Entry action for a typed trigger, receiving its two arguments.</summary>
        /// <typeparam name="TArg0">Type of the first argument.</typeparam>
        /// <typeparam name="TArg1">Type of the second argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom<TArg0, TArg1>(
            TriggerWithParameters<TArg0, TArg1> trigger, Action<TArg0, TArg1, Transition> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger.Trigger, new ActionBehaviour<Transition>(
                (t, a) => entryAction(Args.Get<TArg0>(a, 0), Args.Get<TArg1>(a, 1), t), entryAction, description));
        }

        /// <summary>Entry action for a typed trigger, receiving its three arguments.</summary>
        /// <typeparam name="TArg0">Type of the first argument.</typeparam>
        /// <typeparam name="TArg1">Type of the second argument.</typeparam>
        /// <typeparam name="TArg2">Type of the third argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFrom<TArg0, TArg1, TArg2>(
            TriggerWithParameters<TArg0, TArg1, TArg2> trigger, Action<TArg0, TArg1, TArg2, Transition> entryAction,
            string? description = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger.Trigger, new ActionBehaviour<Transition>(
                (t, a) => entryAction(Args.Get<TArg0>(a, 0), Args.Get<TArg1>(a, 1), Args.Get<TArg2>(a, 2), t), entryAction, description));
        }

        /// <summary>Async entry action for one trigger; requires FireAsync.</summary>
        /// <param name="trigger">The trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFromAsync(TTrigger trigger, Func<Transition, Task> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger, new ActionBehaviour<Transition>((t, _) => entryAction(t), entryAction, description));
        }

        /// <summary>Async entry action for a typed trigger, receiving its argument; requires FireAsync.</summary>
        /// <typeparam name="TArg0">Type of the argument.</typeparam>
        /// <param name="trigger">The typed trigger.</param>
        /// <param name="entryAction">The action.</param>
        /// <param name="description">Shown in introspection and graphs.</param>
        /// <returns>This configuration.</returns>
        public StateConfiguration OnEntryFromAsync<TArg0>(
            TriggerWithParameters<TArg0> trigger, Func<TArg0, Transition, Task> entryAction, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(entryAction);
            return AddEntryFrom(trigger.Trigger,
                new ActionBehaviour<Transition>((t, a) => entryAction(Args.Get<TArg0>(a, 0), t), entryAction, description));
        }

        private StateConfiguration AddEntry(ActionBehaviour<Transition> action)
        {
            _builder.EnsureOpen();
            _representation.EntryActions.Add(action);
            return this;
        }

        private StateConfiguration AddEntryFrom(TTrigger trigger, ActionBehaviour<Transition> action) =>
            AddEntry(action.OnlyFrom(trigger));
    }
}
