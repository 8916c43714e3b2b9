using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Connector.Tests.Infrastructure;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>Teams-shaped inbound activities (protocol.md §1 and §7), as raw JSON so the wire shape is explicit.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:6f3a1f0e-1111-4c3b-9a52-0b1d7c2f0001";
    public const string BotName = "Support Bot";
    public const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static int _next;

    public static string NewId() => Interlocked.Increment(ref _next).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "1485983408511";

    public static JsonObject Personal(string serviceUrl, string conversationId, string text) => Message(serviceUrl, conversationId, "personal", text);

    public static JsonObject Message(string serviceUrl, string conversationId, string conversationType, string text, bool mention = false)
    {
        var activity = Base("message", serviceUrl, conversationId, conversationType);
        activity["text"] = mention ? $"\r\n<at>{BotName}</at> {text}\r\n" : text;
        activity["textFormat"] = "plain";
        var entities = new JsonArray
        {
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Windows", ["timezone"] = "America/Los_Angeles" },
        };
        if (mention)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = $"<at>{BotName}</at>",
            });
        }

        activity["entities"] = entities;
        return activity;
    }

    public static JsonObject BotInstalled(string serviceUrl, string conversationId)
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId, "personal");
        activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = UserId } };
        return activity;
    }

    public static JsonObject Invoke(string serviceUrl, string conversationId, string name, JsonNode? value)
    {
        var activity = Base("invoke", serviceUrl, conversationId, "personal");
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    public static string Json(this JsonObject activity) => activity.ToJsonString();

    private static JsonObject Base(string type, string serviceUrl, string conversationId, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = NewId(),
        ["timestamp"] = "2017-02-01T21:10:07.437Z",
        ["localTimestamp"] = "2017-02-01T14:10:07.437-07:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Megan Bowen", ["aadObjectId"] = "7faf8ab2-3d9e-4d2b-b6a3-0e0a1c2f9b11" },
        ["conversation"] = new JsonObject
        {
            ["conversationType"] = conversationType,
            ["tenantId"] = TenantId,
            ["id"] = conversationId,
            ["isGroup"] = conversationType != "personal" ? true : null,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };
}

/// <summary>Waiting for what the local channel received.</summary>
public static class ChannelWait
{
    public static async Task<List<LocalChannel.Recorded>> ForRequestsAsync(LocalChannel channel, int count, Func<LocalChannel.Recorded, bool>? filter = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = channel.Requests.Where(filter ?? (_ => true)).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }

            await Task.Delay(25);
        }
    }

    public static JsonDocument Body(LocalChannel.Recorded request) => JsonDocument.Parse(request.Body);

    public static bool IsType(LocalChannel.Recorded request, string type)
        => request.Body.Length > 0 && Body(request).RootElement.TryGetProperty("type", out var t) && t.GetString() == type;
}
