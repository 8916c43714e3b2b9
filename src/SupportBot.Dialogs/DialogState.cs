namespace SupportBot.Dialogs;

/// <summary>The persisted dialog stack; index 0 is the active dialog.</summary>
public class DialogState
{
    /// <summary>Creates an empty stack.</summary>
    public DialogState()
    {
    }

    /// <summary>Wraps an existing stack list (shared, not copied).</summary>
    public DialogState(List<DialogInstance> stack) => DialogStack = stack ?? [];

    /// <summary>The stack, active dialog first.</summary>
    public List<DialogInstance> DialogStack { get; set; } = [];
}
