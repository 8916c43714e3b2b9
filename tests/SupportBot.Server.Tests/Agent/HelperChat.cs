using System.Text.Json.Nodes;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// One Web Chat–style conversation over raw Direct Line that can also wait: turns run by the agent link
/// (<c>agent.paired</c>, <c>agent.result</c>) post bot messages with no user message before them.
/// </summary>
public sealed class HelperChat
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);
    private readonly DirectLineTestClient _client;
    private string _watermark = "0";
    private int _matchedUpTo;

    private readonly string _locale;

    private HelperChat(DirectLineTestClient client, string token, string conversationId, string locale)
    {
        _client = client;
        _locale = locale;
        Token = token;
        ConversationId = conversationId;
    }

    public string Token { get; }

    public string ConversationId { get; }

    /// <summary>Every bot message read so far, oldest first.</summary>
    public List<JsonNode> BotMessages { get; } = [];

    /// <summary>Every bot message's text so far, one per line.</summary>
    public string Transcript => string.Join("\n", BotMessages.Select(Text));

    public static async Task<HelperChat> StartAsync(DirectLineTestClient client, string locale = "ja-JP")
    {
        var (token, conversationId, _) = await client.StartAsync(locale);
        var chat = new HelperChat(client, token, conversationId, locale);
        await chat.ReadAsync();
        return chat;
    }

    /// <summary>Posts <paramref name="text"/> and returns the bot messages that answer it (the POST returns after the turn).</summary>
    public async Task<IReadOnlyList<JsonNode>> SayAsync(string text)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "web-user", ["name"] = "お客さま" },
            ["locale"] = _locale,
        };
        using var response = await _client.Send(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", Token, message.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync();
    }

    /// <summary>The bot messages that arrived since the last read, without saying anything (turns run by the agent link).</summary>
    public Task<IReadOnlyList<JsonNode>> SayNothingAsync() => ReadAsync();

    /// <summary>
    /// Waits until a bot message after the previous match (including ones already read) satisfies <paramref name="done"/>;
    /// reads new messages meanwhile. A turn run by the agent link may have answered before anyone waited for it.
    /// </summary>
    /// <exception cref="TimeoutException">Nothing matched within <paramref name="limit"/> (the message has the transcript).</exception>
    public async Task WaitForAsync(Func<JsonNode, bool> done, TimeSpan limit, Func<string>? context = null)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            await ReadAsync();
            var match = BotMessages.FindIndex(_matchedUpTo, m => done(m));
            if (match >= 0)
            {
                _matchedUpTo = match + 1;
                return;
            }
            try
            {
                await Task.Delay(PollEvery, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching bot message within {limit}. Transcript:\n{Transcript}\n{context?.Invoke()}");
            }
        }
    }

    private async Task<IReadOnlyList<JsonNode>> ReadAsync()
    {
        var page = await _client.GetActivitiesAsync(ConversationId, Token, _watermark);
        _watermark = page["watermark"]!.GetValue<string>();
        var messages = page["activities"]!.AsArray().Select(a => a!)
            .Where(a => a["type"]!.GetValue<string>() == "message" && a["from"]!["role"]?.GetValue<string>() == "bot")
            .ToList();
        BotMessages.AddRange(messages);
        return messages;
    }

    public static string Text(JsonNode message) => message["text"]?.GetValue<string>() ?? "";

    public static string State(JsonNode message) => message["channelData"]?["supportBot"]?["state"]?.GetValue<string>() ?? "";

    public static string Flow(JsonNode message) => message["channelData"]?["supportBot"]?["flow"]?.GetValue<string>() ?? "";

    public static string? Outcome(JsonNode message) => message["channelData"]?["supportBot"]?["outcome"]?.GetValue<string>();

    public static IReadOnlyList<string> Buttons(JsonNode message) =>
        message["suggestedActions"]?["actions"]?.AsArray().Select(a => a!["value"]?.GetValue<string>() ?? a["title"]!.GetValue<string>()).ToList() ?? [];
}
