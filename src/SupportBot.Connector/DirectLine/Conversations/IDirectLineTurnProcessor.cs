using SupportBot.Schema;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// Hands an activity that Direct Line accepted to the bot and returns when its turn is over. Replies
/// come back through <see cref="IDirectLineOutbox"/>. Called with the conversation's
/// <see cref="SupportBot.Storage.IConversationLockProvider"/> lock held, so one turn at a time per conversation
/// across every instance; an implementation must not take that lock again (it is not re-entrant).
/// </summary>
public interface IDirectLineTurnProcessor
{
    /// <summary>Runs the bot's turn for <paramref name="activity"/> (already stamped and logged).</summary>
    Task ProcessAsync(Activity activity, CancellationToken cancellationToken);
}
