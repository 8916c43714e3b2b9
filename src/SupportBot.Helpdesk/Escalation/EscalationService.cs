using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Helpdesk.Handoff;
using SupportBot.Helpdesk.Relay;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Helpdesk.Webhook;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Escalation;

/// <summary>What an escalation produced, for the bot to send.</summary>
/// <param name="Ticket">The stored (masked) ticket.</param>
/// <param name="HandoffInitiate">The <c>handoff.initiate</c> event to send to the channel (channels that do not take it ignore it).</param>
/// <param name="UserMessage">The text telling the user the ticket number, in their language.</param>
public sealed record EscalationResult(Ticket Ticket, Activity HandoffInitiate, string UserMessage);

/// <summary>
/// The one entry point for escalation (flow ends in <c>escalate</c>, the user asks for a person, a
/// prompt runs out of attempts, the licence is about to expire): stores the ticket with its full
/// context and, in the same transaction, its webhook delivery; then builds the handoff event.
/// </summary>
public sealed class EscalationService
{
    private readonly ITicketStore _store;
    private readonly HandoffEventFactory _handoff;
    private readonly WebhookNudge _nudge;
    private readonly IOptionsMonitor<HelpdeskOptions> _options;
    private readonly ILogger<EscalationService> _logger;

    /// <summary>Creates the service.</summary>
    public EscalationService(ITicketStore store, HandoffEventFactory handoff, WebhookNudge nudge, IOptionsMonitor<HelpdeskOptions> options, ILogger<EscalationService> logger)
    {
        _store = store;
        _handoff = handoff;
        _nudge = nudge;
        _options = options;
        _logger = logger;
    }

    /// <summary>Creates the ticket for <paramref name="draft"/> and returns what to send.</summary>
    public async Task<EscalationResult> EscalateAsync(TicketDraft draft, CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        Func<Ticket, string>? payload = options.Webhook.Enabled ? WebhookBody.TicketDocument : null;
        var ticket = await _store.CreateAsync(draft, payload, cancellationToken).ConfigureAwait(false);
        if (payload is not null)
        {
            _nudge.Nudge();
        }
        HelpdeskLog.TicketCreated(_logger, ticket.Number, ticket.Priority.ToString(), ticket.Reason, ticket.FlowId);
        return new EscalationResult(ticket, _handoff.Create(ticket, options.Queue), HelpdeskTexts.TicketCreated(ticket.Number, ticket.Locale));
    }
}
