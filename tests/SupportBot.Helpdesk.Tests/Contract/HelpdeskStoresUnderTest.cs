using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Tests.Contract;

/// <summary>One instance's helpdesk stores on the test's database, as the contract tests see them.</summary>
public sealed record HelpdeskStoresUnderTest(ITicketStore Tickets, IWebhookOutbox Outbox, IDisposable Lifetime) : IDisposable
{
    public void Dispose() => Lifetime.Dispose();
}
