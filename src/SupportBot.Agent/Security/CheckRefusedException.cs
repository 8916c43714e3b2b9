namespace SupportBot.Agent.Security;

/// <summary>Thrown by a check when the job asks for something outside the allow-list; reported as <c>refused</c>.</summary>
public sealed class CheckRefusedException(string reason) : Exception(reason);

/// <summary>Thrown by a check when a parameter is missing or malformed; reported as <c>error</c>.</summary>
public sealed class CheckParameterException(string reason) : Exception(reason);
