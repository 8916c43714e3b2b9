using System.Text.Json.Nodes;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Bot;

/// <summary>One Web Chat–style conversation over raw Direct Line: say something, get the bot's new messages.</summary>
public sealed class BotConversation
{
    private readonly DirectLineTestClient _client;
    private string _watermark = "0";

    private BotConversation(DirectLineTestClient client, string token, string conversationId)
    {
        _client = client;
        Token = token;
        ConversationId = conversationId;
    }

    public string Token { get; }

    public string ConversationId { get; }

    /// <summary>The same conversation through another client (e.g. a second host instance); its own watermark.</summary>
    public BotConversation On(DirectLineTestClient client) => new(client, Token, ConversationId) { _watermark = _watermark };

    /// <summary>Every activity read so far (user echoes, bot messages, events), oldest first.</summary>
    public List<JsonNode> All { get; } = [];

    /// <summary>Starts a conversation; returns it and the greeting's messages.</summary>
    public static async Task<(BotConversation Conversation, IReadOnlyList<JsonNode> Greeting)> StartAsync(DirectLineTestClient client)
    {
        var (token, conversationId, _) = await client.StartAsync();
        var conversation = new BotConversation(client, token, conversationId);
        return (conversation, await conversation.ReadBotMessagesAsync());
    }

    /// <summary>Posts <paramref name="text"/> (typed or a button's imBack) and returns the bot's messages that answer it.</summary>
    public async Task<IReadOnlyList<JsonNode>> SayAsync(string text)
    {
        await _client.PostMessageAsync(ConversationId, Token, text);
        return await ReadBotMessagesAsync();
    }

    private async Task<IReadOnlyList<JsonNode>> ReadBotMessagesAsync()
    {
        var page = await _client.GetActivitiesAsync(ConversationId, Token, _watermark);
        _watermark = page["watermark"]!.GetValue<string>();
        var activities = page["activities"]!.AsArray().Select(a => a!).ToList();
        All.AddRange(activities);
        return [.. activities.Where(a => a["type"]!.GetValue<string>() == "message" && a["from"]!["role"]?.GetValue<string>() == "bot")];
    }

    public static JsonNode Place(JsonNode message) =>
        message["channelData"]?["supportBot"] ?? throw new Xunit.Sdk.XunitException($"no channelData.supportBot on: {message.ToJsonString()}");

    public static string Flow(JsonNode message) => Place(message)["flow"]!.GetValue<string>();

    public static string State(JsonNode message) => Place(message)["state"]!.GetValue<string>();

    public static string? Outcome(JsonNode message) => Place(message)["outcome"]?.GetValue<string>();

    public static string Text(IEnumerable<JsonNode> messages) => string.Join("\n", messages.Select(m => m["text"]?.GetValue<string>()));
}
