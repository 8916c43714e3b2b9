using Microsoft.Extensions.Logging;

namespace SupportBot.Connector.Authentication;

internal static partial class ChannelAuthenticatorLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Inbound activity refused ({Status}) for channel {ChannelId}: {Reason}")]
    public static partial void Refused(ILogger logger, int status, string channelId, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Inbound activity authenticated for channel {ChannelId}, caller {CallerId}")]
    public static partial void Authenticated(ILogger logger, string channelId, string? callerId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Signing key {KeyId} unknown at {MetadataUrl}; refreshing keys")]
    public static partial void UnknownKey(ILogger logger, string keyId, string metadataUrl);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Could not load OpenID metadata from {MetadataUrl}")]
    public static partial void MetadataFailed(ILogger logger, Exception exception, string metadataUrl);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Bot authentication is disabled (no MicrosoftAppId): accepting anonymous requests; development only")]
    public static partial void AnonymousMode(ILogger logger);
}
