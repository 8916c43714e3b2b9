using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using SupportBot.AgentLink.Jobs;
using SupportBot.AgentLink.Pairing;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Http;

/// <summary>Shared request handling: bounded JSON bodies, problem answers, bearer-token authentication.</summary>
internal static class AgentRequests
{
    /// <summary>Reads at most <paramref name="maxBytes"/> of JSON; on failure <c>Error</c> is the 400/413 answer.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpContext http, JsonTypeInfo<T> type, int maxBytes) where T : class
    {
        if (http.Request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type);
            return value is null ? (null, BadRequest("The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, BadRequest("The body is not valid JSON for this request: " + exception.Message));
        }
    }

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"At most {maxBytes} bytes.");

    /// <summary>The caller behind the bearer token, or the answer: 401 (missing, bad, expired, revoked) or 410 (conversation ended).</summary>
    public static async Task<(AgentCaller? Caller, IResult? Error)> AuthenticateAsync(HttpContext http, AgentTokens tokens, IAgentLinkStore store, TimeProvider time)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var claims = await tokens.ValidateAsync(token);
        if (claims is null) return (null, Results.Unauthorized());
        var session = store.FindSession(claims.SessionId);
        // The token's conversation claim must match the session's: a token never reaches another conversation.
        if (session is null || session.ConversationId != claims.ConversationId) return (null, Results.Unauthorized());
        if (session.EndedAtMs is not null) return (null, Results.StatusCode(StatusCodes.Status410Gone));
        if (session.RevokedAtMs is not null || session.ExpiresAtMs <= time.GetUtcNow().ToUnixTimeMilliseconds())
            return (null, Results.Unauthorized());
        return (new AgentCaller(session.SessionId, session.ConversationId), null);
    }
}
