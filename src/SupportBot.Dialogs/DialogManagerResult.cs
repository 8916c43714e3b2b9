namespace SupportBot.Dialogs;

/// <summary>The outcome of <see cref="DialogManager.OnTurnAsync"/>.</summary>
public class DialogManagerResult
{
    /// <summary>The root dialog's turn result.</summary>
    public required DialogTurnResult TurnResult { get; init; }

    /// <summary>True when a saved stack referred to dialogs that no longer exist (or changed) and was discarded.</summary>
    public bool StackReset { get; init; }
}
