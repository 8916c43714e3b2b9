using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Storage;

namespace SupportBot.Server.Tests.DirectLine;

/// <summary>
/// Web Chat re-POSTs a message with the same <c>channelData.clientActivityID</c> when the first POST's response was
/// lost: the conversation answers it once (issue #8), over real HTTP on a real SQLite file.
/// </summary>
public sealed class ResendTests : DirectLineTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Resend_SameClientActivityId_ReturnsSameIdAndIsLoggedAndAnsweredOnce()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var id = await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-1");
        var before = await AllActivitiesAsync(conversationId, token);

        var again = await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-1");

        Assert.Equal(id, again);
        var after = await AllActivitiesAsync(conversationId, token);
        Assert.Equal(before.Select(a => a.ToJsonString()), after.Select(a => a.ToJsonString()));
        Assert.Single(after, a => IsUser(a) && a["id"]!.GetValue<string>() == id);
        Assert.NotEmpty(RepliesTo(after, id));
    }

    [Fact]
    public async Task Post_DifferentClientActivityId_IsANewTurn()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var first = await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-1");
        var second = await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-2");

        Assert.NotEqual(first, second);
        var all = await AllActivitiesAsync(conversationId, token);
        Assert.Equal(2, all.Count(IsUser));
        Assert.NotEmpty(RepliesTo(all, first));
        Assert.NotEmpty(RepliesTo(all, second));
    }

    [Fact]
    public async Task Resend_AfterHostRestart_IsStillAnsweredOnce()
    {
        var dataDir = SupportBotFactory.NewDataDir();
        try
        {
            string token, conversationId, id;
            List<JsonNode> before;
            using (var first = new SupportBotFactory(dataDir))
            {
                var client = first.DirectLine();
                (token, conversationId, _) = await client.StartAsync();
                id = await client.PostMessageAsync(conversationId, token, "こんにちは", "web-restart");
                before = await AllActivitiesAsync(client, conversationId, token);
            }

            using var second = new SupportBotFactory(dataDir);
            var again = second.DirectLine();
            Assert.Equal(id, await again.PostMessageAsync(conversationId, token, "こんにちは", "web-restart"));
            var after = await AllActivitiesAsync(again, conversationId, token);
            Assert.Equal(before.Select(a => a.ToJsonString()), after.Select(a => a.ToJsonString()));
        }
        finally
        {
            SupportBotFactory.DeleteDataDir(dataDir);
        }
    }

    [Fact]
    public async Task Resend_LoggedButTurnNeverRan_IsAnsweredNowExactlyOnce()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var userId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetPayloadValue<string>("user");
        // What the first POST logged before the process stopped: the user's message, no turn, no reply.
        var log = Factory.Services.GetRequiredService<IActivityLog>();
        var logged = await log.AppendAsync(conversationId, "web-lost", position => new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"{conversationId}|{position:D7}",
            ["timestamp"] = "2026-11-23T09:00:00Z",
            ["channelId"] = "directline",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "お客さま", ["role"] = "user" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["recipient"] = new JsonObject { ["id"] = "supportbot", ["role"] = "bot" },
            ["text"] = "こんにちは",
            ["locale"] = "ja-JP",
            ["channelData"] = new JsonObject { ["clientActivityID"] = "web-lost" },
        }.ToJsonString(), CancellationToken.None);
        var loggedId = $"{conversationId}|{logged.Position:D7}";
        Assert.Empty(RepliesTo(await AllActivitiesAsync(conversationId, token), loggedId));

        Assert.Equal(loggedId, await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-lost"));
        var answered = await AllActivitiesAsync(conversationId, token);
        Assert.Single(answered, a => IsUser(a) && a["id"]!.GetValue<string>() == loggedId);
        var replies = RepliesTo(answered, loggedId);
        Assert.NotEmpty(replies);

        // A second resend finds the turn done: nothing more.
        Assert.Equal(loggedId, await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-lost"));
        Assert.Equal(answered.Count, (await AllActivitiesAsync(conversationId, token)).Count);
    }

    [Fact]
    public async Task Post_ClientActivityIdTooLong_Returns400AndLogsNothing()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var body = new JsonObject
        {
            ["type"] = "message",
            ["text"] = "こんにちは",
            ["channelData"] = new JsonObject { ["clientActivityID"] = new string('x', IActivityLog.MaxClientActivityIdLength + 1) },
        };
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body.ToJsonString());
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        Assert.Contains("clientActivityID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await AllActivitiesAsync(conversationId, token)); // the welcome only

        var longest = new string('x', IActivityLog.MaxClientActivityIdLength);
        await Client.PostMessageAsync(conversationId, token, "こんにちは", longest);
    }

    [Fact]
    public async Task Resend_IsNotEchoedOnTheStreamAgain()
    {
        var (token, conversationId, started) = await Client.StartAsync();
        using var socket = await Factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), CancellationToken.None).WaitAsync(Patience);
        await ReceiveFrameAsync(socket); // the welcome

        await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-1");
        await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-1");
        await Client.PostMessageAsync(conversationId, token, "こんにちは", "web-2");

        var streamed = new List<JsonNode>();
        while (!streamed.Any(a => IsUser(a) && ClientActivityId(a) == "web-2"))
        {
            streamed.AddRange((await ReceiveFrameAsync(socket))["activities"]!.AsArray().Select(a => a!));
        }
        Assert.Single(streamed, a => IsUser(a) && ClientActivityId(a) == "web-1");
    }

    private Task<List<JsonNode>> AllActivitiesAsync(string conversationId, string token) =>
        AllActivitiesAsync(Client, conversationId, token);

    private static async Task<List<JsonNode>> AllActivitiesAsync(DirectLineTestClient client, string conversationId, string token) =>
        (await client.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray().Select(a => a!).ToList();

    private static bool IsUser(JsonNode activity) =>
        activity["type"]?.GetValue<string>() == "message" && activity["from"]?["role"]?.GetValue<string>() == "user";

    private static string? ClientActivityId(JsonNode activity) => activity["channelData"]?["clientActivityID"]?.GetValue<string>();

    private static List<JsonNode> RepliesTo(IEnumerable<JsonNode> activities, string id) =>
        activities.Where(a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["replyToId"]?.GetValue<string>() == id).ToList();

    private static async Task<JsonObject> ReceiveFrameAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Patience);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("closed: " + result.CloseStatusDescription);
                }
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (message.Length > 0)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            }
        }
    }
}
