using Microsoft.Extensions.DependencyInjection;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.DirectLine;
using static SupportBot.Server.Tests.Bot.BotConversation;

namespace SupportBot.Server.Tests.Helpdesk;

/// <summary>Each escalation trigger of the issue, over Direct Line on the real host: the ticket records which one fired.</summary>
public sealed class EscalationTriggerTests : DirectLineTestBase
{
    private static readonly TicketStatus[] Active = [TicketStatus.Open, TicketStatus.Claimed];

    private ITicketStore Tickets => Factory.Services.GetRequiredService<ITicketStore>();

    [Fact]
    public async Task TypedInputUsesUpItsAttempts_IntoTheEscalateEnd_TicketRecordsPromptExhausted()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("ライセンスキーが正しいのに認証できない");
        // "使わない" declines the PC helper offer before the OS question.
        foreach (var answer in new[] { "rejected", "いいえ", "いいえ", "skip", "いいえ", "match", "this-pc-only", "valid", "いいえ", "いいえ", "いいえ", "none", "unknown", "使わない", "other", "key" })
        {
            await chat.SayAsync(answer);
        }
        var retry = await chat.SayAsync("わかりません");
        Assert.Contains("ライセンスキーとして読み取れませんでした", Text(retry), StringComparison.Ordinal);
        await chat.SayAsync("キーです");
        var last = await chat.SayAsync("無理です");
        Assert.Contains(last, m => Outcome(m) == "escalated");

        var ticket = await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        Assert.Equal(EscalationReasons.PromptExhausted, ticket.Reason);
        Assert.Equal(["gather-key-input", "escalate"], ticket.Path.TakeLast(2));
        Assert.Contains(ticket.Number, Text(last), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionNotUnderstoodTwice_TicketRecordsPromptExhausted()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("ライセンスキーが正しいのに認証できない");
        var first = await chat.SayAsync("ぴよぴよ");
        Assert.DoesNotContain(first, m => Outcome(m) == "escalated");
        var second = await chat.SayAsync("ぴよぴよ");
        Assert.Contains(second, m => Outcome(m) == "escalated");

        var ticket = await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        Assert.Equal(EscalationReasons.PromptExhausted, ticket.Reason);
        Assert.Equal("license-key", ticket.FlowId);
    }

    [Theory]
    [InlineData("2", TicketPriority.Urgent)]
    [InlineData("5", TicketPriority.High)]
    public async Task FewDaysLeft_PersonFromTheUrgentBranch_TicketRecordsUrgencyAndPriorityFromTheDays(string days, TicketPriority priority)
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("Passage に『ライセンスが確認できません』と表示される");
        await chat.SayAsync("はい");
        var urgent = await chat.SayAsync(days);
        Assert.Equal("urgent", State(urgent[^1]));
        var handover = await chat.SayAsync("担当者と話したい");
        Assert.Contains(handover, m => Outcome(m) == "escalated");

        var ticket = await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        Assert.Equal(EscalationReasons.Urgency, ticket.Reason);
        Assert.Equal(int.Parse(days, System.Globalization.CultureInfo.InvariantCulture), ticket.RemainingDays);
        Assert.Equal(priority, ticket.Priority);
        Assert.Equal("passage-license", ticket.FlowId);
        Assert.Equal(["symptom", "remaining-days", "urgent", "escalate"], ticket.Path);
    }

    [Fact]
    public async Task PlentyOfDaysLeft_AskingForAPerson_IsUserAskedWithNormalPriority()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("Passage に『ライセンスが確認できません』と表示される");
        await chat.SayAsync("はい");
        Assert.Equal("countdown-ok", State((await chat.SayAsync("12"))[^1]));
        await chat.SayAsync("担当者と話したい");

        var ticket = await Tickets.FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        Assert.Equal(EscalationReasons.UserAsked, ticket.Reason);
        Assert.Equal(12, ticket.RemainingDays);
        Assert.Equal(TicketPriority.Normal, ticket.Priority);
    }
}
