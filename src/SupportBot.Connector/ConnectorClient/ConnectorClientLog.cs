using Microsoft.Extensions.Logging;

namespace SupportBot.Connector.ConnectorClient;

internal static partial class ConnectorClientLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Refused to call untrusted serviceUrl {ServiceUrl}")]
    public static partial void Untrusted(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Connector returned 401 for {Method} {Uri}; refreshing the app token and retrying once")]
    public static partial void TokenRejected(ILogger logger, string method, Uri uri);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Connector {Method} {Uri} failed with {Status} (correlation {CorrelationId})")]
    public static partial void Failed(ILogger logger, string method, Uri uri, int status, string? correlationId);
}
