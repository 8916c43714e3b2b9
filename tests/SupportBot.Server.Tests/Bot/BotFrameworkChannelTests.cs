using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

    private async Task<List<JsonNode>> PostAsync(string conversationId, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["locale"] = "ja-JP",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = "emulator-user", ["name"] = "User" },
            ["recipient"] = new JsonObject { ["id"] = "supportbot", ["name"] = "SupportBot" },
        };
        using var response = await Client.Http.PostAsync("/api/messages", DirectLineTestClient.Json(activity.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["activities"]!.AsArray().Select(a => a!)];
    }
}
