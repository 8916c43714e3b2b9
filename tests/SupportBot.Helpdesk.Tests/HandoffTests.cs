using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Helpdesk.Handoff;
using SupportBot.Helpdesk.Sqlite;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Tests;

public sealed class HandoffTests : IDisposable
{
    private readonly string _directory = TestData.TempDirectory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    private readonly SqliteTicketStore _store;

    public HandoffTests() => _store = new(new HelpdeskDatabase(Path.Combine(_directory, "supportbot.db")), _time, new TicketNumbering());

    [Fact]
    public async Task HandoffInitiateFollowsTheProtocol()
    {
        var ticket = await _store.CreateAsync(TestData.Draft(remainingDays: 2));
        var activity = new HandoffEventFactory(_time).Create(ticket, "license");

        var json = JsonDocument.Parse(BotJson.Serialize(activity)).RootElement;
        Assert.Equal("event", json.GetProperty("type").GetString());
        Assert.Equal("handoff.initiate", json.GetProperty("name").GetString());
        Assert.Equal("conv-1", json.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("dl_user", json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("conv-1|0000007", json.GetProperty("replyToId").GetString());
        Assert.Equal("conv-1", json.GetProperty("relatesTo").GetProperty("conversation").GetProperty("id").GetString());
        var value = json.GetProperty("value");
        Assert.Equal(ticket.Number, value.GetProperty("ticketNumber").GetString());
        Assert.Equal("urgent", value.GetProperty("priority").GetString());
        Assert.Equal("license", value.GetProperty("queue").GetString());
        Assert.False(string.IsNullOrEmpty(value.GetProperty("summary").GetString()));
        var attachment = json.GetProperty("attachments")[0];
        Assert.Equal("application/json", attachment.GetProperty("contentType").GetString());
        Assert.Equal("Transcript", attachment.GetProperty("name").GetString());
        var activities = attachment.GetProperty("content").GetProperty("activities");
        Assert.Equal(1, activities.GetArrayLength());
        Assert.DoesNotContain(TestData.LicenseKey, activities.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandoffStatusAcceptedClaimsAndCompletedClosesAndFailedOnlyRecords()
    {
        var ticket = await _store.CreateAsync(TestData.Draft());
        var handler = new HandoffStatusHandler(_store, NullLogger<HandoffStatusHandler>.Instance);

        Assert.Equal(TicketStatus.Open, (await handler.HandleAsync(Status("failed", "no agents")))!.Status);
        Assert.Equal(TicketStatus.Claimed, (await handler.HandleAsync(Status("accepted")))!.Status);
        Assert.Equal(TicketStatus.Closed, (await handler.HandleAsync(Status("completed")))!.Status);
        // Unknown conversation, unknown state, missing value: ignored, never thrown.
        Assert.Null(await handler.HandleAsync(new Activity(ActivityTypes.Event) { Name = "handoff.status", Conversation = new() { Id = "other" } }));
        Assert.Null(await handler.HandleAsync(Status("weird")));

        var events = await _store.GetEventsAsync(ticket.Number);
        Assert.Equal(3, events.Count(e => e.Kind == TicketEventKinds.HandoffStatus));
        Assert.Equal(HandoffStatusHandler.HubActor, (await _store.GetAsync(ticket.Number))!.Assignee);
        Assert.True(HandoffStatusHandler.IsHandoffStatus(Status("accepted")));
    }

    private static Activity Status(string state, string? message = null) => new(ActivityTypes.Event)
    {
        Name = "handoff.status",
        Conversation = new ConversationAccount { Id = "conv-1" },
        Value = BotJson.ToElement(new { state, message }),
    };

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
