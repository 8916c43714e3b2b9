using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine.Graph;

/// <summary>The text both exporters put on an edge: <c>trigger [guard, guard]</c>.</summary>
internal static class TransitionLabel
{
    internal static string For(TransitionInfo transition)
    {
        var trigger = transition.Trigger.ToString() ?? string.Empty;
        var guards = string.Join(", ", transition.GuardDescriptions);
        return guards.Length == 0 ? trigger : $"{trigger} [{guards}]";
    }

    internal static string Name(StateInfo state) => state.UnderlyingState.ToString() ?? string.Empty;

    internal static IEnumerable<StateInfo> TopLevel(StateMachineInfo info) => info.States.Where(s => s.Superstate is null);
}
