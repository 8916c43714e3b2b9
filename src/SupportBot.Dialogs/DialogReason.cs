namespace SupportBot.Dialogs;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just started.</summary>
    BeginCalled,

    /// <summary>The dialog continues with a new activity.</summary>
    ContinueCalled,

    /// <summary>The dialog (or its child) ended normally.</summary>
    EndCalled,

    /// <summary>The dialog is being replaced by another one.</summary>
    ReplaceCalled,

    /// <summary>The dialog was cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step called <c>NextAsync</c>.</summary>
    NextCalled,
}
