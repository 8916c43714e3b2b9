using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Webhook;

/// <summary>Builds what the webhook sends: the stored ticket document wrapped with delivery metadata.</summary>
public static class WebhookBody
{
    /// <summary>The document stored in the outbox for a ticket (the ticket is already masked).</summary>
    public static string TicketDocument(Ticket ticket) => JsonSerializer.Serialize(ticket, HelpdeskJson.Options);

    /// <summary>
    /// The raw body of one attempt: <c>{"deliveryId","event","timestamp","ticket"}</c>. The timestamp is
    /// inside the signed bytes, so a replayed body with a fresh header does not verify.
    /// </summary>
    public static byte[] Build(OutboxItem item, long unixSeconds)
    {
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var json = "{\"deliveryId\":" + JsonSerializer.Serialize(item.DeliveryId)
            + ",\"event\":" + JsonSerializer.Serialize(item.EventName)
            + ",\"timestamp\":" + timestamp
            + ",\"ticket\":" + item.Payload + "}";
        return Encoding.UTF8.GetBytes(json);
    }
}
