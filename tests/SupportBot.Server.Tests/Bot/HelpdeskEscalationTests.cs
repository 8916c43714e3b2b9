using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Helpdesk.Relay;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.DirectLine;
using static SupportBot.Server.Tests.Bot.BotConversation;

namespace SupportBot.Server.Tests.Bot;

/// <summary>Escalation to the helpdesk and the staff relay, over raw Direct Line on the real host.</summary>
public sealed class HelpdeskEscalationTests : DirectLineTestBase
{
    private static readonly TicketStatus[] Active = [TicketStatus.Open, TicketStatus.Claimed];

    private ITicketStore Tickets => Factory.Services.GetRequiredService<ITicketStore>();

    [Fact]
    public async Task LicenseKeyFlow_ThenAskForAPerson_CreatesTicketWithMaskedKey_AndShowsItsNumber()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("ライセンスキーが正しいのに認証できない");
        await chat.SayAsync("rejected");
        await chat.SayAsync("いいえ");
        var keyCheck = await chat.SayAsync("いいえ");
        Assert.Equal("key-check", State(keyCheck[^1]));
        var masked = await chat.SayAsync("ABCD-1234-EFGH-5678");
        Assert.DoesNotContain("1234", Text(masked), StringComparison.Ordinal);

        var handover = await chat.SayAsync("担当者と話したい");
        Assert.Contains(handover, m => Outcome(m) == "escalated");

        var ticket = await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        Assert.StartsWith("SB-", ticket.Number, StringComparison.Ordinal);
        Assert.Equal("license-key", ticket.FlowId);
        Assert.Equal(EscalationReasons.UserAsked, ticket.Reason);
        Assert.Contains("key-check", ticket.Path);
        Assert.NotEmpty(ticket.Transcript);
        var stored = JsonSerializer.Serialize(ticket);
        foreach (var secret in new[] { "1234-EFGH", "1234EFGH", "ABCD-1234", "ABCD1234" })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
        Assert.True(ticket.Slots.ContainsKey("licenseKey"), string.Join(",", ticket.Slots.Keys));

        // The user sees the ticket number, from the root; the channel gets handoff.initiate.
        var numberMessage = Assert.Single(handover, m => m["text"]!.GetValue<string>().Contains(ticket.Number, StringComparison.Ordinal));
        Assert.Equal("root", Flow(numberMessage));
        Assert.Contains(chat.All, a => a["type"]!.GetValue<string>() == "event" && a["name"]?.GetValue<string>() == "handoff.initiate");
    }

    [Fact]
    public async Task GreetingPersonButton_CreatesUserAskedTicket()
    {
        var (chat, _) = await StartAsync(Client);
        var replies = await chat.SayAsync("担当者と話したい");
        var ticket = await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        Assert.Equal(EscalationReasons.UserAsked, ticket.Reason);
        Assert.Contains(ticket.Number, Text(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimedTicket_UserMessagesGoToStaff_StaffMessagesReachTheUserWithTheirName()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("担当者と話したい");
        var ticket = (await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active))!;
        var staff = Factory.Services.GetRequiredService<StaffActions>();
        var member = new StaffMember("sato", "佐藤 (サポート)");
        await staff.ClaimAsync(ticket.Number, member);
        await staff.SendMessageAsync(ticket.Number, member, "佐藤です。状況を確認いたします。");

        var fromBot = await chat.SayAsync("よろしくお願いします");
        Assert.DoesNotContain(fromBot, m => Flow(m) != "root"); // the bot's dialogs stayed silent
        var staffMessage = Assert.Single(chat.All, a => a["text"]?.GetValue<string>() == "佐藤です。状況を確認いたします。");
        Assert.Equal("佐藤 (サポート)", staffMessage["from"]!["name"]!.GetValue<string>());
        Assert.Equal("bot", staffMessage["from"]!["role"]!.GetValue<string>());

        var events = await Tickets.GetAsync(ticket.Number);
        Assert.NotNull(events);
    }

    [Fact]
    public async Task HandoffStatusFromTheDirectLineUser_IsIgnored_TicketStaysOpen()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("担当者と話したい");
        var ticket = (await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active))!;
        var body = """{"type":"event","name":"handoff.status","value":{"state":"completed","message":"x"},"from":{"id":"u"}}""";
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token, body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TicketStatus.Open, (await Tickets.GetAsync(ticket.Number))!.Status);
    }
}
