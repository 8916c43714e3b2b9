using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Handoff;

/// <summary>
/// Honours <c>handoff.status</c> events from a hub: <c>accepted</c> claims the ticket for the hub,
/// <c>completed</c> closes it, <c>failed</c> leaves it in the local queue; every status is recorded.
/// Never rejects an event (the host answers 200 whatever this returns).
/// </summary>
public sealed class HandoffStatusHandler
{
    /// <summary>Assignee recorded when a hub accepts.</summary>
    public const string HubActor = "handoff-hub";

    private static readonly TicketStatus[] Active = [TicketStatus.Open, TicketStatus.Claimed];
    private readonly ITicketStore _store;
    private readonly ILogger<HandoffStatusHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public HandoffStatusHandler(ITicketStore store, ILogger<HandoffStatusHandler> logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>Whether <paramref name="activity"/> is a <c>handoff.status</c> event.</summary>
    public static bool IsHandoffStatus(Activity activity)
        => activity.IsType(ActivityTypes.Event) && string.Equals(activity.Name, HandoffEventFactory.StatusName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies the status; returns the ticket it touched, or null (unknown conversation or state).</summary>
    public async Task<Ticket?> HandleAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var (state, message) = ReadValue(activity.Value);
        var conversationId = activity.Conversation?.Id;
        var ticket = conversationId is null ? null
            : await _store.FindLatestByConversationAsync(conversationId, Active, cancellationToken).ConfigureAwait(false);
        HelpdeskLog.HandoffStatus(_logger, state ?? "(none)", conversationId, ticket?.Number);
        if (ticket is null || state is null)
        {
            return ticket;
        }
        await _store.AppendEventAsync(ticket.Number, TicketEventKinds.HandoffStatus, "hub", $"{state}: {message}".TrimEnd(' ', ':'), cancellationToken).ConfigureAwait(false);
        var result = state.ToLowerInvariant() switch
        {
            "accepted" => await _store.ClaimAsync(ticket.Number, HubActor, cancellationToken).ConfigureAwait(false),
            "completed" => await _store.CloseAsync(ticket.Number, HubActor, message, cancel: false, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        return result?.Ticket ?? await _store.GetAsync(ticket.Number, cancellationToken).ConfigureAwait(false);
    }

    private static (string? State, string? Message) ReadValue(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } obj)
        {
            return (null, null);
        }
        string? Read(string name) => obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var message = obj.TryGetProperty("message", out var m) && m.ValueKind is not JsonValueKind.String and not JsonValueKind.Undefined and not JsonValueKind.Null
            ? m.GetRawText()
            : Read("message");
        return (Read("state"), message);
    }
}
