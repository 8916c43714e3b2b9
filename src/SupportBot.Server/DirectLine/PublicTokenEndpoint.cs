using System.Text.Json.Serialization;
using SupportBot.Connector.DirectLine.Conversations;

namespace SupportBot.Server.DirectLine;

/// <summary>
/// <c>POST /api/directline/token</c>: the widget's way to a Direct Line token without the secret
/// ever reaching the page. Rate-limited per client address.
/// </summary>
internal static class PublicTokenEndpoint
{
    public static IEndpointRouteBuilder MapPublicToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/directline/token", async (HttpContext http, DirectLineConversations conversations) =>
        {
            var parameters = await http.ReadTokenParametersAsync();
            var grant = await conversations.ReserveAsync(parameters?.User?.Id, http.RequestAborted);
            return Results.Ok(new PublicTokenResponse(grant.Token, grant.ConversationId, grant.ExpiresIn));
        })
        .RequireRateLimiting(DirectLineServerExtensions.TokenRateLimitPolicy)
        .RequireCors(DirectLineServerExtensions.CorsPolicy);
        return app;
    }

    private sealed record PublicTokenResponse(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
