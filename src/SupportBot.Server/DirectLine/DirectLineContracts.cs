using System.Text.Json.Serialization;

namespace SupportBot.Server.DirectLine;

/// <summary>Direct Line's Conversation object (tokens and conversation operations answer with it).</summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);

/// <summary>ResourceResponse: the id of a posted activity.</summary>
internal sealed record ActivityIdResponse([property: JsonPropertyName("id")] string Id);

/// <summary>The optional body of token and start requests: <c>{"user":{"id":"…"},"locale":"…"}</c>.</summary>
internal sealed record TokenParameters(
    [property: JsonPropertyName("user")] TokenUser? User,
    [property: JsonPropertyName("locale")] string? Locale);

/// <summary>The user part of <see cref="TokenParameters"/>.</summary>
internal sealed record TokenUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);
