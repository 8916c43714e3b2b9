using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>A conversation started with the shared secret (a server-side client, no token rate limit), and its log.</summary>
public sealed record StartedConversation(string ConversationId, string Token, string StreamUrl);

/// <summary>Starting conversations, reading whole transcripts and checking that every message got its answer.</summary>
public static class Transcript
{
    /// <summary>A message the flows route to the "what I can help with" answer whatever the state (same answer every time).</summary>
    public const string Unrelated = "今日の天気を教えて";

    /// <summary><c>POST /v3/directline/conversations</c> with the secret: a new conversation, its token and stream.</summary>
    public static async Task<StartedConversation> StartAsync(DirectLineTestClient client, string secret)
    {
        using var response = await client.Send(HttpMethod.Post, "/v3/directline/conversations", secret, """{"user":{"id":"dl_multi"},"locale":"ja-JP"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new StartedConversation(body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>(), body["streamUrl"]!.GetValue<string>());
    }

    /// <summary>Every stored activity of the conversation, oldest first (all pages).</summary>
    public static async Task<List<JsonNode>> ReadAllAsync(DirectLineTestClient client, StartedConversation conversation)
    {
        var all = new List<JsonNode>();
        var watermark = "0";
        while (true)
        {
            var page = await client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, watermark);
            var activities = page["activities"]!.AsArray();
            if (activities.Count == 0)
            {
                return all;
            }
            all.AddRange(activities.Select(a => a!));
            watermark = page["watermark"]!.GetValue<string>();
        }
    }

    public static bool IsUserMessage(JsonNode activity) =>
        Type(activity) == "message" && activity["from"]?["role"]?.GetValue<string>() == "user";

    public static bool IsBotMessage(JsonNode activity) =>
        Type(activity) == "message" && activity["from"]?["role"]?.GetValue<string>() == "bot";

    public static string Id(JsonNode activity) => activity["id"]!.GetValue<string>();

    /// <summary>
    /// The transcript is answered in order and exactly once: each user message appears once; every bot message after the
    /// first user message answers the user message just before it (no interleaving of two turns); no answer repeats
    /// (a turn delivered twice would repeat its replies); and every user message in <paramref name="mustBeAnswered"/>
    /// has at least one answer.
    /// </summary>
    public static void AssertAnsweredInOrderOnce(IReadOnlyList<JsonNode> transcript, IReadOnlyCollection<string> mustBeAnswered)
    {
        var userIds = transcript.Where(IsUserMessage).Select(Id).ToList();
        Assert.Equal(userIds.Count, userIds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(mustBeAnswered, id => Assert.Contains(id, userIds));

        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? current = null;
        foreach (var activity in transcript)
        {
            if (IsUserMessage(activity))
            {
                current = Id(activity);
                answers[current] = [];
            }
            else if (IsBotMessage(activity) && current is not null)
            {
                var replyTo = activity["replyToId"]?.GetValue<string>();
                Assert.True(replyTo == current, $"bot message {Id(activity)} answers {replyTo}, but the last user message was {current}");
                answers[current].Add(activity["text"]?.GetValue<string>() ?? activity.ToJsonString());
            }
        }

        foreach (var id in mustBeAnswered)
        {
            Assert.True(answers[id].Count > 0, $"user message {id} has no answer");
        }
        foreach (var (id, texts) in answers)
        {
            Assert.True(texts.Count == texts.Distinct(StringComparer.Ordinal).Count(), $"user message {id} was answered twice: {string.Join(" | ", texts)}");
        }
    }

    private static string? Type(JsonNode activity) => activity["type"]?.GetValue<string>();
}
