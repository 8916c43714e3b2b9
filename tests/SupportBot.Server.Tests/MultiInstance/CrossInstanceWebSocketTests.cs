using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>A Web Chat–style WebSocket on instance A receives every reply produced by turns posted to instance B.</summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class CrossInstanceWebSocketTests(SharedInstances shared)
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SocketOnA_ReceivesEveryReply_OfTurnsPostedToB()
    {
        if (shared.Instances is not { } pair)
        {
            return; // no PostgreSQL test cluster here
        }

        var conversation = await Transcript.StartAsync(pair.ClientA, pair.Secret);
        Assert.StartsWith($"ws://127.0.0.1:{pair.A.Port}/", conversation.StreamUrl, StringComparison.Ordinal);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None).WaitAsync(FrameTimeout);

        string[] messages = ["Passage に『ライセンスが確認できません』と表示される", "はい", "残り3日", "確認を始める", "はい"];
        foreach (var text in messages)
        {
            await pair.ClientB.PostMessageAsync(conversation.ConversationId, conversation.Token, text);
        }

        // Everything B stored (greeting, the user's messages and every reply) must reach A's socket.
        var stored = await Transcript.ReadAllAsync(pair.ClientB, conversation);
        var expected = stored.Select(Transcript.Id).ToHashSet(StringComparer.Ordinal);
        Assert.True(stored.Count(Transcript.IsBotMessage) > messages.Length, "the turns on B produced replies");
        var received = new HashSet<string>(StringComparer.Ordinal);
        while (!expected.IsSubsetOf(received))
        {
            var frame = await ReceiveFrameAsync(socket);
            foreach (var activity in frame["activities"]?.AsArray() ?? [])
            {
                if (activity?["id"]?.GetValue<string>() is { } id)
                {
                    Assert.True(received.Add(id) || !expected.Contains(id), $"activity {id} streamed twice");
                }
            }
        }
        Assert.Equal(messages.Length, stored.Count(Transcript.IsUserMessage));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(FrameTimeout);
    }

    private static async Task<JsonObject> ReceiveFrameAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(FrameTimeout);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException($"the stream closed: {result.CloseStatusDescription}");
                }
                text.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (text.Length > 0) // empty frames are keep-alives
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()))!.AsObject();
            }
        }
    }
}
