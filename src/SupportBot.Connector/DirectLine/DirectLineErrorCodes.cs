namespace SupportBot.Connector.DirectLine;

/// <summary>The error codes this Direct Line service answers with (Azure's names where they exist).</summary>
public static class DirectLineErrorCodes
{
    /// <summary>No or malformed Authorization.</summary>
    public const string MissingAuthorization = "MissingAuthorization";

    /// <summary>Token signature/issuer wrong, or the token belongs to another conversation.</summary>
    public const string TokenInvalid = "TokenInvalid";

    /// <summary>Token past its expiry (cannot be refreshed).</summary>
    public const string TokenExpired = "TokenExpired";

    /// <summary>Bad request content.</summary>
    public const string BadArgument = "BadArgument";

    /// <summary>Body larger than the limit.</summary>
    public const string MessageSizeTooBig = "MessageSizeTooBig";

    /// <summary>The bot failed while handling the activity.</summary>
    public const string BotRejectedActivity = "BotRejectedActivity";

    /// <summary>Attachment upload is not offered by this server.</summary>
    public const string UploadNotSupported = "UploadNotSupported";
}
