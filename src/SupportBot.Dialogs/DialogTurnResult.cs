namespace SupportBot.Dialogs;

/// <summary>The outcome of a dialog operation: the stack status and, when a dialog ended, its result.</summary>
public class DialogTurnResult
{
    /// <summary>Creates a result.</summary>
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    /// <summary>The stack status.</summary>
    public DialogTurnStatus Status { get; }

    /// <summary>The value the ended dialog returned (e.g. a prompt's answer, or <c>PromptGaveUp</c>).</summary>
    public object? Result { get; }
}
