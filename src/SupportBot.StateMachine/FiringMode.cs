namespace SupportBot.StateMachine;

/// <summary>How a trigger fired from inside an action (entry, exit, event handler) is processed.</summary>
public enum FiringMode
{
    /// <summary>
    /// Run-to-completion: a trigger fired while another is being processed is queued (FIFO)
    /// and handled after the current transition has finished. Recommended.
    /// </summary>
    Queued,

    /// <summary>Nested triggers are processed at once, in the middle of the current transition.</summary>
    Immediate,
}
