using Microsoft.Extensions.Time.Testing;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Tests.Contract;

/// <summary>
/// The helpdesk store contract (tickets and webhook outbox): every engine derives from this class and passes the
/// same tests on a real database. Each <see cref="Open"/> is one more instance on the same database (its own
/// connection pool), so the multi-instance tests are the same calls as the single-instance ones.
/// </summary>
public abstract partial class HelpdeskStoreContractTests
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    protected TicketNumbering Numbering { get; } = new("SB", TicketNumbering.FindZone("Asia/Tokyo"));

    /// <summary>Opens an instance's stores on this test's database (a second call is a second instance, or a restart).</summary>
    protected abstract HelpdeskStoresUnderTest Open();

    [Fact]
    public async Task ATicketKeepsItsFullContextWithKeysMasked()
    {
        using var stores = Open();
        var created = await stores.Tickets.CreateAsync(TestData.Draft());
        var ticket = await stores.Tickets.GetAsync(created.Number);

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
        Assert.Equal(Time.GetUtcNow(), ticket.CreatedAt);
        Assert.False(ticket.ClaimTimeoutNotified);
        var everything = System.Text.Json.JsonSerializer.Serialize(ticket, HelpdeskJson.Options);
        Assert.DoesNotContain(TestData.LicenseKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("taro@", everything, StringComparison.Ordinal);
        Assert.Contains("****-****-****-5678", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbersAreSequentialPerDayInTheHelpdeskTimeZone()
    {
        using var stores = Open();
        var first = await stores.Tickets.CreateAsync(TestData.Draft());
        var second = await stores.Tickets.CreateAsync(TestData.Draft());
        Time.Advance(TimeSpan.FromHours(15)); // 16:00 UTC = 01:00 next day in Tokyo
        var nextDay = await stores.Tickets.CreateAsync(TestData.Draft());
        Assert.Equal(["SB-20261123-0001", "SB-20261123-0002", "SB-20261124-0001"], [first.Number, second.Number, nextDay.Number]);
    }

    [Fact]
    public async Task NumbersStayUniqueAndGapFreeUnderConcurrency()
    {
        using var stores = Open();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores.Tickets.CreateAsync(TestData.Draft($"conv-{i}")))));
        Assert.Equal(Enumerable.Range(1, 40), tickets.Select(t => Sequence(t.Number)).Order());
    }

    [Fact]
    public async Task ExactlyOneOfTenConcurrentClaimsWins()
    {
        using var stores = Open();
        var ticket = await stores.Tickets.CreateAsync(TestData.Draft());
        var results = await AllAtOnce(10, i => stores.Tickets.ClaimAsync(ticket.Number, $"staff{i}"));

        var winners = results.Where(r => r.Outcome == TicketChangeOutcome.Done).ToList();
        Assert.Single(winners);
        Assert.All(results.Except(winners), r => Assert.Equal(TicketChangeOutcome.Conflict, r.Outcome));
        var stored = await stores.Tickets.GetAsync(ticket.Number);
        Assert.Equal(TicketStatus.Claimed, stored!.Status);
        Assert.Equal(winners[0].Ticket!.Assignee, stored.Assignee);
        Assert.Single(await stores.Tickets.GetEventsAsync(ticket.Number), e => e.Kind == TicketEventKinds.Claimed);
    }

    [Fact]
    public async Task TicketsAndOutboxSurviveARestart()
    {
        var number = "";
        long ticketId;
        using (var first = Open())
        {
            var ticket = await first.Tickets.CreateAsync(TestData.Draft(), t => $"{{\"number\":\"{t.Number}\"}}");
            await first.Tickets.ClaimAsync(ticket.Number, "alice");
            await first.Tickets.AppendEventAsync(ticket.Number, TicketEventKinds.UserMessage, "user", $"key {TestData.LicenseKey}");
            (number, ticketId) = (ticket.Number, ticket.Id);
        }

        using var reopened = Open();
        var again = await reopened.Tickets.GetAsync(number);
        Assert.Equal(TicketStatus.Claimed, again!.Status);
        Assert.Equal("alice", again.Assignee);
        var events = await reopened.Tickets.GetEventsAsync(number);
        Assert.Equal([TicketEventKinds.Created, TicketEventKinds.Claimed, TicketEventKinds.UserMessage], events.Select(e => e.Kind));
        Assert.Equal("key ****-****-****-5678", events[^1].Text);
        Assert.Equal([events[^1]], await reopened.Tickets.GetEventsAsync(number, afterId: events[^2].Id));
        var item = await reopened.Outbox.LeaseNextAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(item);
        Assert.Equal(ticketId, item.TicketId);
        Assert.Contains(number, item.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseThenRateOnce()
    {
        using var stores = Open();
        var store = stores.Tickets;
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
        var cancelled = await store.CreateAsync(TestData.Draft("conv-2"));
        Assert.Equal(TicketStatus.Cancelled, (await store.CloseAsync(cancelled.Number, "bot", cancel: true)).Ticket!.Status);
        Assert.Null(await store.AppendEventAsync("SB-00000000-0000", TicketEventKinds.UserMessage, "user", "x"));
    }

    [Fact]
    public async Task ListingOrdersByPriorityThenAgeAndFilters()
    {
        using var stores = Open();
        var store = stores.Tickets;
        var normal = await store.CreateAsync(TestData.Draft("a", remainingDays: null));
        Time.Advance(TimeSpan.FromMinutes(1));
        var urgent = await store.CreateAsync(TestData.Draft("b", remainingDays: 2));
        Time.Advance(TimeSpan.FromMinutes(1));
        var high = await store.CreateAsync(TestData.Draft("c", remainingDays: 6));
        Time.Advance(TimeSpan.FromMinutes(1));
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
        var latest = await store.FindLatestByConversationAsync("c", [TicketStatus.Closed]);
        Assert.Equal(high.Number, latest!.Number);
        Assert.Null(await store.FindLatestByConversationAsync("c", [TicketStatus.Open, TicketStatus.Claimed]));
    }

    [Fact]
    public async Task UnclaimedTicketsAreTakenForNoticeOnce()
    {
        using var stores = Open();
        var store = stores.Tickets;
        var ticket = await store.CreateAsync(TestData.Draft());
        Assert.Empty(await store.TakeUnclaimedForNoticeAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(10)));
        Time.Advance(TimeSpan.FromMinutes(11));
        var due = await store.TakeUnclaimedForNoticeAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(10));
        Assert.Equal([ticket.Number], due.Select(t => t.Number));
        Assert.True((await store.GetAsync(ticket.Number))!.ClaimTimeoutNotified);
        Assert.Empty(await store.TakeUnclaimedForNoticeAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(10)));
    }

    protected static int Sequence(string number) => int.Parse(number[^4..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="count"/> calls released together (thread-pool threads held at one gate).</summary>
    protected static async Task<T[]> AllAtOnce<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(() =>
        {
            start.Wait();
            return call(i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
