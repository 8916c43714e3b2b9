using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Connector.DirectLine.Streaming;

namespace SupportBot.Server.DirectLine;

/// <summary>The Direct Line 3.0 REST surface under <c>/v3/directline</c> (protocol.md §5.2).</summary>
public static class DirectLineEndpoints
{
    /// <summary>Adds CORS, the rate limiter and WebSockets, then maps tokens, conversations, activities, stream, upload and session endpoints plus the public widget token.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        app.UseWebSockets();

        var directLine = app.MapGroup("/v3/directline").RequireCors(DirectLineServerExtensions.CorsPolicy);

        directLine.MapPost("/tokens/generate", async (HttpContext http, DirectLineConversations conversations) =>
        {
            var caller = await http.AuthenticateAsync();
            if (!caller.IsSecret)
            {
                throw new DirectLineException(403, DirectLineErrorCodes.TokenInvalid, "tokens/generate needs the Direct Line secret.");
            }
            var parameters = await http.ReadTokenParametersAsync();
            var grant = await conversations.ReserveAsync(parameters?.User?.Id, http.RequestAborted);
            return Results.Ok(new ConversationResponse(grant.ConversationId, grant.Token, grant.ExpiresIn));
        });

        directLine.MapPost("/tokens/refresh", async (HttpContext http, DirectLineConversations conversations) =>
        {
            var grant = await conversations.RefreshAsync(await http.AuthenticateAsync(), http.RequestAborted);
            return Results.Ok(new ConversationResponse(grant.ConversationId, grant.Token, grant.ExpiresIn));
        });

        directLine.MapPost("/conversations", async (HttpContext http, DirectLineConversations conversations) =>
        {
            var caller = await http.AuthenticateAsync();
            var parameters = await http.ReadTokenParametersAsync();
            var grant = await conversations.StartAsync(caller, parameters?.User?.Id, parameters?.Locale, http.RequestAborted);
            var body = new ConversationResponse(grant.ConversationId, grant.Token, grant.ExpiresIn, http.Request.StreamUrl(grant.ConversationId, grant.Token));
            return grant.Created
                ? Results.Created($"/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}", body)
                : Results.Ok(body);
        });

        directLine.MapGet("/conversations/{conversationId}", async (string conversationId, string? watermark, HttpContext http, DirectLineConversations conversations) =>
        {
            var position = DirectLineWatermark.Parse(watermark);
            var grant = await conversations.ResumeAsync(await http.AuthenticateAsync(), conversationId, http.RequestAborted);
            return Results.Ok(new ConversationResponse(grant.ConversationId, grant.Token, grant.ExpiresIn, http.Request.StreamUrl(grant.ConversationId, grant.Token, position)));
        });

        directLine.MapPost("/conversations/{conversationId}/activities", async (string conversationId, HttpContext http, DirectLineConversations conversations) =>
        {
            var caller = await http.AuthenticateAsync();
            var activity = await http.ReadActivityAsync();
            var id = await conversations.PostAsync(caller, conversationId, activity, http.RequestAborted);
            return Results.Ok(new ActivityIdResponse(id));
        });

        directLine.MapGet("/conversations/{conversationId}/activities", async (string conversationId, string? watermark, HttpContext http, DirectLineConversations conversations) =>
        {
            var position = DirectLineWatermark.Parse(watermark);
            var page = await conversations.ReadAsync(await http.AuthenticateAsync(), conversationId, position, http.RequestAborted);
            return Results.Text(ActivitySetFrame.Build(page.ActivitiesJson, page.Watermark), "application/json; charset=utf-8");
        });

        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.HandleAsync);

        directLine.MapPost("/conversations/{conversationId}/upload", async (HttpContext http) =>
        {
            await http.AuthenticateAsync();
            throw new DirectLineException(StatusCodes.Status400BadRequest, DirectLineErrorCodes.UploadNotSupported, "uploads are not supported");
        });

        // Only used by the Azure OAuth sign-in card flow; DirectLineJS turns a 404 into an empty session id.
        directLine.MapGet("/session/getsessionid", () =>
            Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Sessions are not supported"));

        app.MapPublicToken();
        return app;
    }
}
