namespace SupportBot.Builder;

/// <summary>A turn's state could not be saved: other writers won every attempt.</summary>
public sealed class StateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateConflictException(string conversationId, int attempts)
        : base($"Conversation '{conversationId}': state changed concurrently on all {attempts} attempts; the turn was not saved.")
    {
        ConversationId = conversationId;
        Attempts = attempts;
    }

    /// <summary>The conversation.</summary>
    public string ConversationId { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
