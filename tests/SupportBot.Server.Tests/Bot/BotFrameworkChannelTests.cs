using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.DirectLine;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Bot;

/// <summary>The same bot (root dialog and flows) answers on the Bot Framework channel (<c>POST /api/messages</c>).</summary>
public sealed class BotFrameworkChannelTests : DirectLineTestBase
{
    [Fact]
    public async Task ApiMessages_ExpectReplies_RoutesFreeTextIntoTheFlow()
    {
        // No MicrosoftAppId: anonymous (Emulator) mode; expectReplies answers inline, nothing goes through a connector.
        var replies = await PostAsync("bf-conv-1", "残り12日と表示されます");
        var flowMessages = replies.Where(r => r["type"]!.GetValue<string>() == "message").ToList();
        Assert.NotEmpty(flowMessages);
        Assert.All(flowMessages, m => Assert.Equal("passage-license", m["channelData"]!["supportBot"]!["flow"]!.GetValue<string>()));

        // The conversation continues on the same channel: the next answer moves the flow on.
        var next = await PostAsync("bf-conv-1", "はい");
        Assert.Contains(next, m => m["channelData"]?["supportBot"]?["state"]?.GetValue<string>() == "remaining-days");
    }

    [Fact]
    public async Task ApiMessages_PersonThenHubAccepts_TicketCreatedThenClaimedByTheHub()
    {
        var replies = await PostAsync("bf-conv-2", "担当者と話したい");
        Assert.Contains(replies, r => r["type"]!.GetValue<string>() == "event" && r["name"]?.GetValue<string>() == "handoff.initiate");
        var tickets = Factory.Services.GetRequiredService<ITicketStore>();
        var ticket = await tickets.FindLatestByConversationAsync("bf-conv-2", [TicketStatus.Open]);
        Assert.NotNull(ticket);
        Assert.Equal("emulator", ticket.ChannelId);
        Assert.Contains(replies, r => r["text"]?.GetValue<string>()?.Contains(ticket.Number, StringComparison.Ordinal) == true);

        await PostAsync("bf-conv-2", null, new JsonObject { ["type"] = "event", ["name"] = "handoff.status", ["value"] = new JsonObject { ["state"] = "accepted" } });
        Assert.Equal(TicketStatus.Claimed, (await tickets.GetAsync(ticket.Number))!.Status);
    }

    private async Task<List<JsonNode>> PostAsync(string conversationId, string? text, JsonObject? activity = null)
    {
        activity ??= new JsonObject { ["type"] = "message", ["text"] = text };
        foreach (var (key, value) in new Dictionary<string, JsonNode?>
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["locale"] = "ja-JP",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = "emulator-user", ["name"] = "User" },
            ["recipient"] = new JsonObject { ["id"] = "supportbot", ["name"] = "SupportBot" },
        })
        {
            activity[key] = value;
        }
        using var response = await Client.Http.PostAsync("/api/messages", DirectLineTestClient.Json(activity.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["activities"]!.AsArray().Select(a => a!)];
    }
}
