using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Storage;

namespace SupportBot.Server.Tests.DirectLine;

/// <summary>An activity appended by "another instance" (straight into the log) reaches this instance's socket through a store notification.</summary>
public sealed class CrossInstanceStreamTests : IDisposable
{
    private readonly ManualActivityNotifications _notifications = new();
    private readonly SupportBotFactory _factory;

    public CrossInstanceStreamTests() =>
        _factory = new SupportBotFactory(services: s => s.AddSingleton<IActivityNotifications>(_notifications));

    [Fact]
    public async Task Notification_ForActivityAppendedElsewhere_IsReadFromLogAndStreamed()
    {
        var client = _factory.DirectLine();
        var (_, conversationId, started) = await client.StartAsync();
        var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), CancellationToken.None);
        Assert.Equal("1", (await ReceiveAsync(socket))["watermark"]!.GetValue<string>());
        Assert.Contains(conversationId, _notifications.Watched);

        var log = _factory.Services.GetRequiredService<IActivityLog>();
        await log.AppendAsync(conversationId, p => $$"""{"type":"message","id":"{{conversationId}}|{{p:D7}}","text":"from instance B"}""", CancellationToken.None);
        await _notifications.RaiseAsync(conversationId, 2);
        await _notifications.RaiseAsync(conversationId, 2); // at-least-once: a repeat is ignored

        var frame = await ReceiveAsync(socket);
        Assert.Equal("2", frame["watermark"]!.GetValue<string>());
        Assert.Equal("from instance B", Assert.Single(frame["activities"]!.AsArray())!["text"]!.GetValue<string>());
        socket.Dispose();
    }

    private static async Task<JsonObject> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (text.Length > 0)
            {
                return JsonNode.Parse(text)!.AsObject();
            }
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
    }
}
