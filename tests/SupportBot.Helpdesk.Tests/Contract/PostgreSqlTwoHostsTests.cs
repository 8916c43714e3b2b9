using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.PostgreSql;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Helpdesk.Webhook;
using SupportBot.Testing;

namespace SupportBot.Helpdesk.Tests.Contract;

/// <summary>
/// Two real helpdesk hosts (<c>AddHelpdesk</c> with their webhook drainers running) selected onto one real
/// PostgreSQL database by <c>ConnectionStrings:SupportBot</c>, posting to one real webhook receiver.
/// </summary>
public sealed class PostgreSqlTwoHostsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();
    private readonly string _directory = TestData.TempDirectory();

    private string DbPath => Path.Combine(_directory, "supportbot.db");

    private Task<IHost> StartAsync(string webhookUrl) => HelpdeskTestHost.StartAsync(DbPath, webhookUrl,
        settings: new Dictionary<string, string?> { ["ConnectionStrings:SupportBot"] = _database.ConnectionString });

    [Fact]
    public async Task TicketsFromBothInstancesAreNumberedOnceAndEachWebhookIsSentOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var a = await StartAsync(receiver.Url);
        using var b = await StartAsync(receiver.Url);
        Assert.IsType<PostgreSqlTicketStore>(a.Services.GetRequiredService<ITicketStore>());
        Assert.IsType<PostgreSqlWebhookOutbox>(b.Services.GetRequiredService<IWebhookOutbox>());

        const int count = 20;
        var escalations = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            (i % 2 == 0 ? a : b).Services.GetRequiredService<EscalationService>().EscalateAsync(TestData.Draft($"conv-{i}"))));
        var tickets = escalations.Select(e => e.Ticket).ToList();
        Assert.Equal(count, tickets.Select(t => t.Number).Distinct().Count());

        // Both drainers race for the same outbox; wait until every item is marked delivered, then let both stop
        // (a stop waits for a send in flight), so any second send of an item would have arrived by now.
        var outbox = a.Services.GetRequiredService<IWebhookOutbox>();
        await receiver.WaitForRequestsAsync(count, Patience);
        await WaitUntilAsync(async () => (await Task.WhenAll(Enumerable.Range(1, count).Select(id => outbox.GetAsync(id)))).All(i => i?.DeliveredAt is not null));
        await a.StopAsync();
        await b.StopAsync();

        var deliveries = receiver.Requests.Select(r => r.Headers[WebhookSignature.DeliveryHeader]).ToList();
        Assert.Equal(count, deliveries.Count);
        Assert.Equal(count, deliveries.Distinct().Count());
        var numbers = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ticket").GetProperty("number").GetString());
        Assert.Equal(tickets.Select(t => t.Number).Order(), numbers.Order());
        Assert.False(File.Exists(DbPath)); // nothing went to SQLite
    }

    [Fact]
    public async Task ATicketCreatedOnOneInstanceIsClaimedOnceFromEither()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var a = await StartAsync(receiver.Url);
        using var b = await StartAsync(receiver.Url);
        var ticket = (await a.Services.GetRequiredService<EscalationService>().EscalateAsync(TestData.Draft())).Ticket;

        var claims = await Task.WhenAll(
            a.Services.GetRequiredService<ITicketStore>().ClaimAsync(ticket.Number, "alice"),
            b.Services.GetRequiredService<ITicketStore>().ClaimAsync(ticket.Number, "bob"));

        Assert.Single(claims, c => c.Outcome == TicketChangeOutcome.Done);
        var seenOnB = await b.Services.GetRequiredService<ITicketStore>().GetAsync(ticket.Number);
        Assert.Equal(TicketStatus.Claimed, seenOnB!.Status);
        await a.StopAsync();
        await b.StopAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
