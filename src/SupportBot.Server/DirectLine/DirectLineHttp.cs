using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Tokens;
using SupportBot.Schema;

namespace SupportBot.Server.DirectLine;

/// <summary>HTTP details shared by the Direct Line endpoints: auth header, bounded body reading, stream URLs.</summary>
internal static class DirectLineHttp
{
    /// <summary>The caller behind the request's <c>Authorization</c> header (401/403 otherwise).</summary>
    public static Task<DirectLineCaller> AuthenticateAsync(this HttpContext http) =>
        http.RequestServices.GetRequiredService<DirectLineTokenService>().AuthenticateAsync(http.Request.Headers.Authorization.ToString());

    /// <summary>Reads the whole body, refusing more than <paramref name="maxBytes"/> with 413.</summary>
    public static async Task<byte[]> ReadBoundedBodyAsync(this HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The posted activity: 400 for malformed JSON or a body that is not an activity object.</summary>
    public static async Task<Activity> ReadActivityAsync(this HttpContext http)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxActivityBytes;
        var body = await http.Request.ReadBoundedBodyAsync(limit, http.RequestAborted).ConfigureAwait(false);
        try
        {
            return BotJson.DeserializeActivity(body) ?? throw DirectLineBadArgument("The body must be an activity object.");
        }
        catch (JsonException)
        {
            throw DirectLineBadArgument("The body is not valid activity JSON.");
        }
    }

    /// <summary>The optional token/start parameters (empty body allowed).</summary>
    public static async Task<TokenParameters?> ReadTokenParametersAsync(this HttpContext http)
    {
        var body = await http.Request.ReadBoundedBodyAsync(8 * 1024, http.RequestAborted).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TokenParameters>(body);
        }
        catch (JsonException)
        {
            throw DirectLineBadArgument("The body is not valid JSON.");
        }
    }

    /// <summary>The absolute WebSocket URL of a conversation's stream on this host (ws:// or wss://).</summary>
    public static string StreamUrl(this HttpRequest request, string conversationId, string token, long? watermark = null)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is > 0 ? $"{url}&watermark={watermark}" : url;
    }

    private static DirectLineException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, $"The body is larger than {maxBytes} bytes.");

    private static DirectLineException DirectLineBadArgument(string message) =>
        new(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, message);
}
