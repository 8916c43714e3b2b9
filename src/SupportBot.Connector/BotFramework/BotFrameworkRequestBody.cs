using Microsoft.AspNetCore.Http;

namespace SupportBot.Connector.BotFramework;

/// <summary>Reads a request body into memory, stopping one byte past the limit.</summary>
internal readonly record struct BotFrameworkRequestBody(byte[] Bytes, bool TooLarge)
{
    public static async Task<BotFrameworkRequestBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return new([], TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return new([], TooLarge: true);
            }
        }

        return new(buffer.ToArray(), TooLarge: false);
    }
}
