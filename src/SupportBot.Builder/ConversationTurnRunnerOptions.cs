namespace SupportBot.Builder;

/// <summary>Settings of a <see cref="ConversationTurnRunner"/>.</summary>
public sealed class ConversationTurnRunnerOptions
{
    /// <summary>How many times a turn runs before a state conflict is reported as an error (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How many processed inbound activity ids the state remembers for redelivery detection (default 64).</summary>
    public int ProcessedActivityIdCapacity { get; set; } = 64;
}
