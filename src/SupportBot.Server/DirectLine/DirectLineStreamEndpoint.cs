using Microsoft.Extensions.Options;
using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Connector.DirectLine.Tokens;
using SupportBot.Storage;

namespace SupportBot.Server.DirectLine;

/// <summary>
/// <c>GET /v3/directline/conversations/{id}/stream?t=token[&amp;watermark=n]</c>: the WebSocket.
/// Browsers cannot send headers on a WebSocket, so the token travels in <c>t</c>; CORS does not
/// cover the handshake, so the <c>Origin</c> is checked here.
/// </summary>
internal static class DirectLineStreamEndpoint
{
    public static async Task HandleAsync(string conversationId, string? t, string? watermark, HttpContext http)
    {
        var services = http.RequestServices;
        var caller = await services.GetRequiredService<DirectLineTokenService>().AuthenticateAsync(t, allowSecret: false);
        caller.EnsureMayAccess(conversationId);
        var position = DirectLineWatermark.Parse(watermark);
        var conversation = await services.GetRequiredService<IDirectLineConversationRegistry>().FindAsync(conversationId, http.RequestAborted);
        if (conversation is not { Ended: false })
        {
            throw DirectLineException.NotFoundFor(conversationId);
        }
        if (!OriginAllowed(http, services.GetRequiredService<IOptions<DirectLineOptions>>().Value.AllowedOrigins))
        {
            throw new DirectLineException(StatusCodes.Status403Forbidden, "OriginNotAllowed", "This origin may not open the stream.");
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            throw new DirectLineException(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The stream URL needs a WebSocket upgrade.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        await services.GetRequiredService<DirectLineStreamSession>().RunAsync(socket, conversationId, position, aborted.Token);
    }

    private static bool OriginAllowed(HttpContext http, string[] allowedOrigins)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (allowedOrigins.Length == 0 || string.IsNullOrEmpty(origin))
        {
            return true;
        }
        return allowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
