using System.Text.Json;
using System.Text.Json.Serialization;

// The machine's ceiling for one turn: same hosting shape as SupportBot.Server (WebApplication, Kestrel, System.Text.Json),
// one endpoint that reads a ~1 KB Activity as JSON and answers 200 with a small JSON body. Nothing else.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJson.Default));
var app = builder.Build();
long next = 0;
app.MapPost("/api/messages", (BenchActivity activity) =>
{
    var id = Interlocked.Increment(ref next);
    return Results.Ok(new BenchReply(activity.Id ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture), activity.Conversation?.Id));
});
app.Run();

internal sealed record BenchAccount([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("role")] string? Role);

internal sealed record BenchConversation([property: JsonPropertyName("id")] string? Id);

internal sealed record BenchActivity(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("timestamp")] DateTimeOffset? Timestamp,
    [property: JsonPropertyName("channelId")] string? ChannelId,
    [property: JsonPropertyName("serviceUrl")] string? ServiceUrl,
    [property: JsonPropertyName("from")] BenchAccount? From,
    [property: JsonPropertyName("recipient")] BenchAccount? Recipient,
    [property: JsonPropertyName("conversation")] BenchConversation? Conversation,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("channelData")] JsonElement? ChannelData);

internal sealed record BenchReply([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("conversationId")] string? ConversationId);

[JsonSerializable(typeof(BenchActivity))]
[JsonSerializable(typeof(BenchReply))]
internal sealed partial class CeilingJson : JsonSerializerContext;
