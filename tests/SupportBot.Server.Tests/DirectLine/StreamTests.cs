using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Server.Tests.DirectLine;

public sealed class StreamTests : DirectLineTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stream_ReplaysWelcomeThenDeliversEchoAndReplyLive()
    {
        var (token, conversationId, started) = await Client.StartAsync();
        using var socket = await ConnectAsync(started["streamUrl"]!.GetValue<string>());

        var first = await ReceiveFrameAsync(socket);
        Assert.Equal("1", first["watermark"]!.GetValue<string>());
        Assert.Contains("お困りごと", first["activities"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var id = await Client.PostMessageAsync(conversationId, token, "担当者と話したい", "live-1");
        var seen = new List<JsonNode>();
        while (seen.Count(a => a["type"]!.GetValue<string>() == "message") < 2)
        {
            seen.AddRange((await ReceiveFrameAsync(socket))["activities"]!.AsArray().Select(a => a!));
        }
        var messages = seen.Where(a => a["type"]!.GetValue<string>() == "message").ToList();
        Assert.Equal("live-1", messages[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(id, messages[0]["id"]!.GetValue<string>());
        Assert.Equal(id, messages[1]["replyToId"]!.GetValue<string>());

        // The bot's typing came over the socket only; the history has no typing.
        Assert.Contains(seen, a => a["type"]!.GetValue<string>() == "typing" && a["from"]!["role"]!.GetValue<string>() == "bot");
        var history = (await Client.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        Assert.DoesNotContain(history, a => a!["type"]!.GetValue<string>() == "typing");
    }

    [Fact]
    public async Task Stream_WithWatermark_ReplaysOnlyLaterActivities()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        await Client.PostMessageAsync(conversationId, token, "こんにちは");
        using var socket = await ConnectAsync($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t={token}&watermark=2");
        var frame = await ReceiveFrameAsync(socket);
        Assert.Equal("3", frame["watermark"]!.GetValue<string>());
        Assert.Equal($"{conversationId}|0000003", Assert.Single(frame["activities"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_Idle_SendsEmptyKeepAliveAndIgnoresClientPings()
    {
        var (_, _, started) = await Client.StartAsync();
        using var socket = await ConnectAsync(started["streamUrl"]!.GetValue<string>());
        await ReceiveFrameAsync(socket);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None); // DirectLineJS ping
        var keepAlive = ReceiveRawAsync(socket);
        await Task.Delay(200);
        Factory.Time.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(string.Empty, await keepAlive.WaitAsync(Patience));
    }

    [Fact]
    public async Task Stream_SecondSocket_ClosesTheFirstAsCollision()
    {
        var (_, _, started) = await Client.StartAsync();
        var url = started["streamUrl"]!.GetValue<string>();
        using var older = await ConnectAsync(url);
        await ReceiveFrameAsync(older);
        using var newer = await ConnectAsync(url);
        await ReceiveFrameAsync(newer);

        var buffer = new byte[1024];
        var result = await older.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal("collision", older.CloseStatusDescription);
    }

    [Fact]
    public async Task Stream_TokenOfAnotherConversation_IsRefused()
    {
        var (tokenA, _, _) = await Client.StartAsync();
        var (_, conversationB, _) = await Client.StartAsync();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            ConnectAsync($"ws://localhost/v3/directline/conversations/{conversationB}/stream?t={tokenA}"));
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        var client = Factory.Server.CreateWebSocketClient();
        return await client.ConnectAsync(new Uri(streamUrl), CancellationToken.None).WaitAsync(Patience);
    }

    private static async Task<JsonObject> ReceiveFrameAsync(WebSocket socket)
    {
        while (true)
        {
            var text = await ReceiveRawAsync(socket).WaitAsync(Patience);
            if (text.Length > 0)
            {
                return JsonNode.Parse(text)!.AsObject();
            }
        }
    }

    private static async Task<string> ReceiveRawAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed: " + result.CloseStatusDescription);
            }
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
