namespace SupportBot.StateMachine.Reflection;

/// <summary>An entry action and, for OnEntryFrom, the trigger it is limited to.</summary>
public sealed class ActionInfo
{
    internal ActionInfo(InvocationInfo method, object? fromTrigger)
    {
        Method = method;
        FromTrigger = fromTrigger;
    }

    /// <summary>The action delegate's description.</summary>
    public InvocationInfo Method { get; }

    /// <summary>The trigger the action is limited to, or null when it runs on every entry.</summary>
    public object? FromTrigger { get; }
}
