using System.Collections.Concurrent;
using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Tests.Contract;

/// <summary>The webhook outbox, and what two instances on one database must agree on.</summary>
public abstract partial class HelpdeskStoreContractTests
{
    [Fact]
    public async Task ALeasedItemIsHiddenUntilFailedAndDueAgain()
    {
        using var stores = Open();
        var outbox = stores.Outbox;
        var item = await outbox.EnqueueAsync(null, "ticket.created", "{}");

        var leased = await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(item.Id, leased!.Id);
        Assert.Null(await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)));

        await outbox.MarkFailedAsync(item.Id, "HTTP 500", Time.GetUtcNow() + TimeSpan.FromSeconds(30));
        Assert.Null(await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)));
        var failure = Assert.Single(await outbox.ListFailuresAsync());
        Assert.Equal((1, "HTTP 500"), (failure.Attempts, failure.LastError));

        Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(item.Id, (await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)))!.Id);
        await outbox.MarkDeliveredAsync(item.Id);
        Assert.Empty(await outbox.ListFailuresAsync());
        Assert.NotNull((await outbox.GetAsync(item.Id))!.DeliveredAt);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AnExpiredLeaseFromACrashedDrainerIsTakenAgain()
    {
        var crashed = Open();
        var item = await crashed.Outbox.EnqueueAsync(null, "ticket.created", "{}");
        await crashed.Outbox.LeaseNextAsync(TimeSpan.FromMinutes(2));
        crashed.Dispose(); // the instance dies holding the lease

        using var survivor = Open();
        Assert.Null(await survivor.Outbox.LeaseNextAsync(TimeSpan.FromMinutes(2)));
        Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(item.Id, (await survivor.Outbox.LeaseNextAsync(TimeSpan.FromMinutes(2)))!.Id);
    }

    [Fact]
    public async Task TwoInstancesDrainingAtOnceDeliverEveryItemExactlyOnce()
    {
        using var a = Open();
        using var b = Open();
        const int items = 60;
        for (var i = 0; i < items; i++)
        {
            await (i % 2 == 0 ? a : b).Outbox.EnqueueAsync(null, "ticket.created", $"{{\"i\":{i}}}");
        }

        var delivered = new ConcurrentBag<(string Instance, long Id)>();
        // Four drainers per instance, all racing for the same rows until the outbox is empty.
        await AllAtOnce(8, async i =>
        {
            var (name, outbox) = i % 2 == 0 ? ("a", a.Outbox) : ("b", b.Outbox);
            while (await outbox.LeaseNextAsync(TimeSpan.FromMinutes(5)) is { } item)
            {
                delivered.Add((name, item.Id));
                await outbox.MarkDeliveredAsync(item.Id);
            }
            return 0;
        });

        Assert.Equal(items, delivered.Count);
        Assert.Equal(items, delivered.Select(d => d.Id).Distinct().Count());
        Assert.Null(await a.Outbox.LeaseNextAsync(TimeSpan.FromMinutes(5)));
        Assert.All(await Task.WhenAll(delivered.Select(d => b.Outbox.GetAsync(d.Id))), item => Assert.NotNull(item!.DeliveredAt));
    }

    [Fact]
    public async Task TwoInstancesCreatingAtOnceShareOneNumberSequence()
    {
        using var a = Open();
        using var b = Open();
        var tickets = await AllAtOnce(30, i => (i % 2 == 0 ? a : b).Tickets.CreateAsync(TestData.Draft($"conv-{i}"), t => $"{{\"n\":\"{t.Number}\"}}"));

        Assert.Equal(Enumerable.Range(1, 30), tickets.Select(t => Sequence(t.Number)).Order());
        // Each creation enqueued its webhook in the same transaction: 30 items, one per ticket.
        var leased = new List<OutboxItem>();
        while (await a.Outbox.LeaseNextAsync(TimeSpan.FromMinutes(5)) is { } item) leased.Add(item);
        Assert.Equal(tickets.Select(t => t.Id).Order(), leased.Select(i => i.TicketId!.Value).Order());
    }

    [Fact]
    public async Task AClaimOnOneInstanceIsAConflictOnTheOther()
    {
        using var a = Open();
        using var b = Open();
        var ticket = await a.Tickets.CreateAsync(TestData.Draft());
        var results = await AllAtOnce(10, i => (i % 2 == 0 ? a : b).Tickets.ClaimAsync(ticket.Number, $"staff{i}"));

        Assert.Single(results, r => r.Outcome == TicketChangeOutcome.Done);
        Assert.Equal(TicketChangeOutcome.Conflict, (await b.Tickets.ClaimAsync(ticket.Number, "late")).Outcome);
        Assert.Single(await a.Tickets.GetEventsAsync(ticket.Number), e => e.Kind == TicketEventKinds.Claimed);
    }

    [Fact]
    public async Task AnUnclaimedNoticeIsTakenByOneInstanceOnly()
    {
        using var a = Open();
        using var b = Open();
        var ticket = await a.Tickets.CreateAsync(TestData.Draft());
        Time.Advance(TimeSpan.FromMinutes(11));
        var before = Time.GetUtcNow() - TimeSpan.FromMinutes(10);

        var taken = await AllAtOnce(6, i => (i % 2 == 0 ? a : b).Tickets.TakeUnclaimedForNoticeAsync(before));

        Assert.Equal([ticket.Number], taken.SelectMany(t => t).Select(t => t.Number));
        Assert.Single(await b.Tickets.GetEventsAsync(ticket.Number), e => e.Kind == TicketEventKinds.ClaimTimeoutNotice);
    }
}
