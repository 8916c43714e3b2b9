namespace SupportBot.Storage;

/// <summary>A Direct Line conversation as the registry knows it.</summary>
/// <param name="ConversationId">The Direct Line conversation id (also the key of its state and activity log).</param>
/// <param name="UserId">The user id embedded in the conversation's tokens.</param>
/// <param name="CreatedAt">When the conversation was reserved (token generated or conversation started).</param>
/// <param name="Started">Whether the bot has been told about the conversation (the first <c>POST /conversations</c>).</param>
/// <param name="Ended">Whether the conversation was ended; ended conversations answer 404.</param>
public sealed record DirectLineConversation(
    string ConversationId,
    string UserId,
    DateTimeOffset CreatedAt,
    bool Started = false,
    bool Ended = false);
