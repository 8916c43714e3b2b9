using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Handoff;

/// <summary>
/// Builds the Bot Framework <c>handoff.initiate</c> event for a ticket (protocol.md §6): value
/// <c>{ticketNumber, priority, summary, queue}</c>, the transcript as an <c>application/json</c>
/// attachment named <c>Transcript</c>, <c>relatesTo</c> = the user's conversation reference.
/// Channels that do not understand the event or the attachment ignore them.
/// </summary>
public sealed class HandoffEventFactory
{
    /// <summary>Event name of the initiation.</summary>
    public const string InitiateName = "handoff.initiate";

    /// <summary>Event name of status reports from a hub.</summary>
    public const string StatusName = "handoff.status";

    private readonly TimeProvider _time;

    /// <summary>Creates the factory.</summary>
    public HandoffEventFactory(TimeProvider time) => _time = time;

    /// <summary>The <c>handoff.initiate</c> activity for <paramref name="ticket"/>, routed to <paramref name="queue"/>.</summary>
    public Activity Create(Ticket ticket, string queue)
    {
        var reference = ticket.Conversation;
        return new Activity(ActivityTypes.Event)
        {
            Name = InitiateName,
            Id = Guid.NewGuid().ToString(),
            Timestamp = _time.GetUtcNow(),
            ChannelId = reference.ChannelId ?? ticket.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale ?? ticket.Locale,
            ReplyToId = reference.ActivityId,
            RelatesTo = reference,
            Value = BotJson.ToElement(new HandoffContext(ticket.Number, ticket.Priority.ToString().ToLowerInvariant(), ticket.Summary, queue)),
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/json",
                    Name = "Transcript",
                    Content = BotJson.ToElement(new TranscriptContent(ticket.Transcript)),
                },
            ],
        };
    }

    /// <summary>The routing context in <c>value</c>.</summary>
    /// <param name="TicketNumber">Number shown to the user.</param>
    /// <param name="Priority"><c>urgent</c>, <c>high</c> or <c>normal</c>.</param>
    /// <param name="Summary">One line for the hub's queue.</param>
    /// <param name="Queue">Which queue the hub should route to.</param>
    public sealed record HandoffContext(string TicketNumber, string Priority, string Summary, string Queue);

    /// <summary>The transcript attachment's content.</summary>
    /// <param name="Activities">The (masked) activities.</param>
    public sealed record TranscriptContent(IReadOnlyList<Activity> Activities);
}
