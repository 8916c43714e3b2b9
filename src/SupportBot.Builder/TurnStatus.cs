namespace SupportBot.Builder;

/// <summary>How a turn run by <see cref="ConversationTurnRunner"/> ended.</summary>
public enum TurnStatus
{
    /// <summary>The bot ran, state was saved and replies were delivered.</summary>
    Processed,

    /// <summary>The activity id was already processed; nothing ran (acknowledge it to the channel).</summary>
    Duplicate,

    /// <summary>The bot threw or state could not be saved; the error handler ran, no state change was saved.</summary>
    Failed,
}
