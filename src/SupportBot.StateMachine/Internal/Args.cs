namespace SupportBot.StateMachine.Internal;

/// <summary>Reads typed trigger arguments out of the untyped argument array.</summary>
internal static class Args
{
    internal static readonly object?[] None = [];

    // Lenient on purpose: GetPermittedTriggers() may evaluate typed guards without arguments.
    internal static T Get<T>(object?[] args, int index) =>
        index < args.Length && args[index] is T value ? value : default!;
}
