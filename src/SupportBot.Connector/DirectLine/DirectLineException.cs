namespace SupportBot.Connector.DirectLine;

/// <summary>
/// A Direct Line request that must fail with a given HTTP status and error code (the endpoints turn
/// it into problem+json carrying <c>code</c>).
/// </summary>
public sealed class DirectLineException(int statusCode, string code, string message) : Exception(message)
{
    /// <summary>HTTP status to answer with.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Direct Line error code, e.g. <c>TokenExpired</c>, <c>BadArgument</c>.</summary>
    public string Code { get; } = code;

    /// <summary>404: the conversation does not exist or has ended.</summary>
    public static DirectLineException NotFoundFor(string conversationId) => NotFound(conversationId);

    internal static DirectLineException NotFound(string conversationId) =>
        new(404, "BadArgument", $"Conversation '{conversationId}' does not exist or has ended.");

    internal static DirectLineException BadArgument(string message) => new(400, "BadArgument", message);
}
