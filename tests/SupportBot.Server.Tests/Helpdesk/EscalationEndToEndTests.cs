using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.Bot;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Testing;

namespace SupportBot.Server.Tests.Helpdesk;

/// <summary>
/// Escalation end to end on the real host (Kestrel on 127.0.0.1, SQLite in a temp data directory) over Direct Line:
/// the stored ticket carries the whole context with license keys masked everywhere, and the webhook reaches a real
/// local receiver, signed, even when the receiver fails at first and the host restarts in between.
/// </summary>
public sealed class EscalationEndToEndTests : IDisposable
{
    private const string LicenseKey = "ABCD-EFGH-JKMN-PQRS";
    private const string ErrorText = "ライセンス認証に失敗しました (エラー 0x8004)。キー ABCD-EFGH-JKMN-PQRS は使用できません";
    private static readonly string[] KeySecrets = ["EFGH-JKMN", "EFGHJKMN", "ABCD-EFGH", "JKMN-PQRS", "ABCDEFGHJKMNPQRS"];
    private static readonly TicketStatus[] Active = [TicketStatus.Open, TicketStatus.Claimed];

    private readonly string _dataDir = SupportBotFactory.NewDataDir();

    [Fact]
    public async Task LicenseKeyFlowEscalation_TicketHoldsEveryItemMasked_WebhookSignedAndRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        using var host = HelpdeskKestrelHost.Start(_dataDir, receiver.Url);
        var (chat, _) = await BotConversation.StartAsync(host.DirectLine());

        // The license-key flow up to the hand-over, typing the key and an error text that repeats it.
        await chat.SayAsync("ライセンスキーが正しいのに認証できない");
        foreach (var answer in new[] { "rejected", "いいえ", "いいえ", LicenseKey, "いいえ", "match", "this-pc-only", "valid", "いいえ", "いいえ", "いいえ" })
        {
            await chat.SayAsync(answer);
        }
        await chat.SayAsync(ErrorText);
        await chat.SayAsync("2.5.0");
        await chat.SayAsync("使わない"); // the PC helper offer before the OS question: answer by hand
        await chat.SayAsync("Windows 11");
        var handover = await chat.SayAsync("ライセンスキーがある");
        Assert.Contains(handover, m => BotConversation.Outcome(m) == "escalated");

        var ticket = await host.Services.GetRequiredService<ITicketStore>().FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);

        // The number is shown to the user; channel and conversation reference.
        Assert.Contains(handover, m => m["text"]?.GetValue<string>().Contains(ticket.Number, StringComparison.Ordinal) == true);
        Assert.Equal("directline", ticket.ChannelId);
        Assert.Equal(chat.ConversationId, ticket.ConversationId);
        Assert.Equal(chat.ConversationId, ticket.Conversation.Conversation?.Id);
        Assert.False(string.IsNullOrEmpty(ticket.Conversation.Bot?.Id));
        Assert.False(string.IsNullOrEmpty(ticket.Conversation.User?.Id));
        // Flow, version, path, every answer and slot.
        Assert.Equal(EscalationReasons.FlowEnded, ticket.Reason);
        Assert.Equal("license-key", ticket.FlowId);
        Assert.False(string.IsNullOrEmpty(ticket.FlowVersion));
        Assert.Equal(["symptom", "connection", "wait-retry", "key-check", "key-typing-rules"], ticket.Path.Take(5));
        Assert.Equal(["gather-error", "gather-version", "gather-os", "gather-key", "escalate"], ticket.Path.TakeLast(5));
        foreach (var state in ticket.Path.SkipLast(1))
        {
            Assert.True(ticket.Answers.ContainsKey(state), $"no answer for {state}: {string.Join(",", ticket.Answers.Keys)}");
        }
        Assert.Equal("rejected", ticket.Answers["symptom"]);
        Assert.Contains("ABCD-****-****-PQRS", ticket.Slots["licenseKey"], StringComparison.Ordinal);
        Assert.Equal("Windows 11", ticket.Slots["os"]);
        Assert.Contains("0x8004", ticket.Slots["errorMessage"], StringComparison.Ordinal);
        // Agent checks (none ran here), error text, product version, OS, what was tried.
        Assert.Empty(ticket.Checks);
        Assert.Contains("0x8004", ticket.ErrorText, StringComparison.Ordinal);
        Assert.Contains("ABCD-****-****-PQRS", ticket.ErrorText, StringComparison.Ordinal);
        Assert.StartsWith("2.5", ticket.ProductVersion, StringComparison.Ordinal);
        Assert.Equal("Windows 11", ticket.OperatingSystem);
        Assert.Contains(ticket.Tried, t => t.StartsWith("connection:", StringComparison.Ordinal));
        Assert.Contains(ticket.Tried, t => t.StartsWith("restart:", StringComparison.Ordinal));
        // This flow never asks for the remaining days: none, so the priority is normal (see TriggerTests for days).
        Assert.Null(ticket.RemainingDays);
        Assert.Equal(TicketPriority.Normal, ticket.Priority);
        // The transcript, with the user's own words (masked).
        Assert.Contains(ticket.Transcript, a => a.Text?.Contains("0x8004", StringComparison.Ordinal) == true && a.From?.Role == "user");
        Assert.True(ticket.Transcript.Count >= 30, $"transcript has {ticket.Transcript.Count} messages");

        // Keys masked everywhere: the stored ticket, its JSON from the API, the CSV export.
        AssertNoKey(JsonSerializer.Serialize(ticket), "stored ticket");
        using var staff = host.Staff("sato");
        AssertNoKey(await GetOkAsync(staff, $"api/helpdesk/tickets/{ticket.Number}"), "ticket JSON");
        var csv = await GetOkAsync(staff, "api/helpdesk/tickets/export.csv");
        Assert.Contains(ticket.Number, csv, StringComparison.Ordinal);
        AssertNoKey(csv, "CSV");

        // The webhook: three failed requests (one attempt with two immediate retries), then accepted from the outbox.
        await WebhookReceiver.WaitUntilAsync(() => !receiver.Accepted.IsEmpty, "the accepted webhook");
        Assert.True(receiver.Requests.Count >= 4, $"{receiver.Requests.Count} requests");
        var delivered = Assert.Single(receiver.Accepted);
        AssertSignedTicket(delivered, ticket.Number);
        Assert.All(receiver.Requests, r => Assert.Equal(delivered.Headers["X-SupportBot-Delivery"], r.Headers["X-SupportBot-Delivery"]));
        AssertNoKey(Encoding.UTF8.GetString(delivered.Body), "webhook body");

        // And the logs of the whole run.
        AssertNoKey(string.Join("\n", host.Logs), "logs");
    }

    [Fact]
    public async Task WebhookPendingWhenTheHostStops_NewHostOnTheSameDataDirectory_DeliversItExactlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        string number;
        using (var first = HelpdeskKestrelHost.Start(_dataDir, receiver.Url))
        {
            var (chat, _) = await BotConversation.StartAsync(first.DirectLine());
            await chat.SayAsync($"キー {LicenseKey} で認証できません");
            await chat.SayAsync("担当者と話したい");
            var ticket = await first.Services.GetRequiredService<ITicketStore>().FindLatestByConversationAsync(chat.ConversationId, Active);
            number = ticket!.Number;
            // The user's own first words are the error text (masked), though a flow was chosen from them.
            Assert.Matches(@"^キー [A-Z*-]+ で認証できません$", ticket.ErrorText);
            AssertNoKey(ticket.ErrorText!, "error text");
            await WebhookReceiver.WaitUntilAsync(() => receiver.Requests.Count >= 3, "three failed requests");
        }
        Assert.Empty(receiver.Accepted);
        var failedDelivery = receiver.Requests.First().Headers["X-SupportBot-Delivery"];

        receiver.Recover();
        using var second = HelpdeskKestrelHost.Start(_dataDir, receiver.Url);
        await WebhookReceiver.WaitUntilAsync(() => !receiver.Accepted.IsEmpty, "the delivery after the restart");
        // Give the new host's drainer several more rounds: nothing may arrive twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var delivered = Assert.Single(receiver.Accepted);
        Assert.Equal(failedDelivery, delivered.Headers["X-SupportBot-Delivery"]);
        AssertSignedTicket(delivered, number);
        AssertNoKey(Encoding.UTF8.GetString(delivered.Body), "webhook body after restart");
    }

    /// <summary>Checks the HMAC independently of the product: HMAC-SHA256 over the raw body with the shared secret.</summary>
    private static void AssertSignedTicket(WebhookRequest request, string ticketNumber)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HelpdeskKestrelHost.WebhookSecret), request.Body));
        Assert.Equal(expected, request.Headers["X-SupportBot-Signature"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(ticketNumber, body["ticket"]!["number"]!.GetValue<string>());
    }

    private static async Task<string> GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {text}");
        return text;
    }

    private static void AssertNoKey(string text, string where)
    {
        foreach (var secret in KeySecrets)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} contains '{secret}'");
        }
    }

    public void Dispose() => SupportBotFactory.DeleteDataDir(_dataDir);
}
