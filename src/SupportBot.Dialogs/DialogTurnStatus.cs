namespace SupportBot.Dialogs;

/// <summary>The state of the dialog stack after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty (nothing was running).</summary>
    Empty,

    /// <summary>The active dialog waits for the user.</summary>
    Waiting,

    /// <summary>The last dialog on the stack completed.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,

    /// <summary>The dialog completed but the bot waits for the next activity before doing more.</summary>
    CompleteAndWait,
}
