using SupportBot.Schema;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>Where the bot's activities for a Direct Line conversation go: the log (watermarked) and the open stream.</summary>
public interface IDirectLineOutbox
{
    /// <summary>
    /// Stamps the activity as sent by the bot (id, timestamp, channel, from = bot), stores it unless
    /// it is <c>typing</c>, pushes it to the stream and returns its id.
    /// </summary>
    Task<string> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="SendAsync"/> for several activities (a turn's replies): every one but <c>typing</c> is
    /// stored in one write at consecutive positions, then all are pushed to the stream in the given order.
    /// Returns their ids in that order.
    /// </summary>
    Task<IReadOnlyList<string>> SendManyAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
