using Microsoft.Extensions.Time.Testing;
using SupportBot.Helpdesk.Sqlite;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Tests;

public sealed class SqliteTicketStoreTests : IDisposable
{
    private readonly string _directory = TestData.TempDirectory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(_directory, "supportbot.db");

    private SqliteTicketStore NewStore() => new(new HelpdeskDatabase(DbPath), _time, new TicketNumbering("SB", TicketNumbering.FindZone("Asia/Tokyo")));

    [Fact]
    public async Task ATicketKeepsItsFullContextWithKeysMasked()
    {
        var store = NewStore();
        var created = await store.CreateAsync(TestData.Draft());
        var ticket = await store.GetAsync(created.Number);

        Assert.NotNull(ticket);
        Assert.Equal("SB-20261123-0001", ticket.Number);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(TicketPriority.High, ticket.Priority);
        Assert.Equal("conv-1", ticket.ConversationId);
        Assert.Equal("conv-1|0000007", ticket.Conversation.ActivityId);
        Assert.Equal(("license-key", "3"), (ticket.FlowId, ticket.FlowVersion));
        Assert.Equal(["start", "ask-key", "check-activation", "escalate"], ticket.Path);
        Assert.Equal("Windows 11", ticket.Answers["ask-os"]);
        Assert.Equal("12.3", ticket.ProductVersion);
        Assert.Equal("Windows 11 23H2", ticket.OperatingSystem);
        Assert.Equal(2, ticket.Tried.Count);
        Assert.Single(ticket.Checks);
        Assert.Single(ticket.Transcript);
        Assert.Equal(5, ticket.RemainingDays);
        Assert.Equal(_time.GetUtcNow(), ticket.CreatedAt);
        var everything = System.Text.Json.JsonSerializer.Serialize(ticket, HelpdeskJson.Options);
        Assert.DoesNotContain(TestData.LicenseKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("taro@", everything, StringComparison.Ordinal);
        Assert.Contains("****-****-****-5678", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbersAreSequentialPerDayInTheHelpdeskTimeZone()
    {
        var store = NewStore();
        var first = await store.CreateAsync(TestData.Draft());
        var second = await store.CreateAsync(TestData.Draft());
        _time.Advance(TimeSpan.FromHours(15)); // 16:00 UTC = 01:00 next day in Tokyo
        var nextDay = await store.CreateAsync(TestData.Draft());
        Assert.Equal(["SB-20261123-0001", "SB-20261123-0002", "SB-20261124-0001"], [first.Number, second.Number, nextDay.Number]);
    }

    [Fact]
    public async Task NumbersStayUniqueUnderConcurrency()
    {
        var store = NewStore();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.CreateAsync(TestData.Draft($"conv-{i}")))));
        Assert.Equal(40, tickets.Select(t => t.Number).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 40), tickets.Select(t => int.Parse(t.Number[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task ExactlyOneOfTenConcurrentClaimsWins()
    {
        var store = NewStore();
        var ticket = await store.CreateAsync(TestData.Draft());
        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 10).Select(i => Task.Run(() =>
        {
            start.Wait();
            return store.ClaimAsync(ticket.Number, $"staff{i}");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        var winners = results.Where(r => r.Outcome == TicketChangeOutcome.Done).ToList();
        Assert.Single(winners);
        Assert.All(results.Except(winners), r => Assert.Equal(TicketChangeOutcome.Conflict, r.Outcome));
        var stored = await store.GetAsync(ticket.Number);
        Assert.Equal(TicketStatus.Claimed, stored!.Status);
        Assert.Equal(winners[0].Ticket!.Assignee, stored.Assignee);
        Assert.Single(await store.GetEventsAsync(ticket.Number), e => e.Kind == TicketEventKinds.Claimed);
    }

    [Fact]
    public async Task TicketsAndOutboxSurviveARestart()
    {
        var store = NewStore();
        var ticket = await store.CreateAsync(TestData.Draft(), t => $"{{\"number\":\"{t.Number}\"}}");
        await store.ClaimAsync(ticket.Number, "alice");
        await store.AppendEventAsync(ticket.Number, TicketEventKinds.UserMessage, "user", $"key {TestData.LicenseKey}");

        var reopened = NewStore();
        var outbox = new SqliteWebhookOutbox(new HelpdeskDatabase(DbPath), _time);
        var again = await reopened.GetAsync(ticket.Number);
        Assert.Equal(TicketStatus.Claimed, again!.Status);
        Assert.Equal("alice", again.Assignee);
        var events = await reopened.GetEventsAsync(ticket.Number);
        Assert.Equal([TicketEventKinds.Created, TicketEventKinds.Claimed, TicketEventKinds.UserMessage], events.Select(e => e.Kind));
        Assert.Equal("key ****-****-****-5678", events[^1].Text);
        var item = await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(item);
        Assert.Equal(ticket.Id, item.TicketId);
        Assert.Contains(ticket.Number, item.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseThenRateOnce()
    {
        var store = NewStore();
        var ticket = await store.CreateAsync(TestData.Draft());
        Assert.Equal(TicketChangeOutcome.Conflict, (await store.RateAsync(ticket.Number, 5, null)).Outcome);
        await store.ClaimAsync(ticket.Number, "alice");
        var closed = await store.CloseAsync(ticket.Number, "alice", "解決済み");
        Assert.Equal(TicketStatus.Closed, closed.Ticket!.Status);
        Assert.Equal(TicketChangeOutcome.Conflict, (await store.CloseAsync(ticket.Number, "bob")).Outcome);
        Assert.Equal(TicketChangeOutcome.Done, (await store.RateAsync(ticket.Number, 4, "助かりました")).Outcome);
        Assert.Equal(TicketChangeOutcome.Conflict, (await store.RateAsync(ticket.Number, 1, null)).Outcome);
        var rated = await store.GetAsync(ticket.Number);
        Assert.Equal((4, "助かりました"), (rated!.Rating, rated.RatingComment));
        Assert.Equal(TicketChangeOutcome.NotFound, (await store.ClaimAsync("SB-00000000-0000", "x")).Outcome);
    }

    [Fact]
    public async Task ListingOrdersByPriorityThenAgeAndFilters()
    {
        var store = NewStore();
        var normal = await store.CreateAsync(TestData.Draft("a", remainingDays: null));
        _time.Advance(TimeSpan.FromMinutes(1));
        var urgent = await store.CreateAsync(TestData.Draft("b", remainingDays: 2));
        _time.Advance(TimeSpan.FromMinutes(1));
        var high = await store.CreateAsync(TestData.Draft("c", remainingDays: 6));
        _time.Advance(TimeSpan.FromMinutes(1));
        var urgentLater = await store.CreateAsync(TestData.Draft("d", remainingDays: 0) with { ErrorText = "プリンターが動かない" });
        await store.CloseAsync(high.Number, "alice");

        var queue = await store.ListAsync(TicketQuery.Queue);
        Assert.Equal([urgent.Number, urgentLater.Number, normal.Number], queue.Items.Select(t => t.Number));
        var all = await store.ListAsync(new TicketQuery { PageSize = 2, Page = 1 });
        Assert.Equal(4, all.Total);
        Assert.Equal([high.Number, normal.Number], all.Items.Select(t => t.Number));
        var search = await store.ListAsync(new TicketQuery { Text = "プリンター" });
        Assert.Equal([urgentLater.Number], search.Items.Select(t => t.Number));
        var byDate = await store.ListAsync(new TicketQuery { CreatedFrom = urgent.CreatedAt, CreatedTo = high.CreatedAt });
        Assert.Equal([urgent.Number], byDate.Items.Select(t => t.Number));
        var byPriority = await store.ListAsync(new TicketQuery { Priority = TicketPriority.Urgent, Statuses = [TicketStatus.Open] });
        Assert.Equal(2, byPriority.Total);
    }

    [Fact]
    public async Task UnclaimedTicketsAreTakenForNoticeOnce()
    {
        var store = NewStore();
        var ticket = await store.CreateAsync(TestData.Draft());
        Assert.Empty(await store.TakeUnclaimedForNoticeAsync(_time.GetUtcNow() - TimeSpan.FromMinutes(10)));
        _time.Advance(TimeSpan.FromMinutes(11));
        var due = await store.TakeUnclaimedForNoticeAsync(_time.GetUtcNow() - TimeSpan.FromMinutes(10));
        Assert.Equal([ticket.Number], due.Select(t => t.Number));
        Assert.Empty(await store.TakeUnclaimedForNoticeAsync(_time.GetUtcNow() - TimeSpan.FromMinutes(10)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
