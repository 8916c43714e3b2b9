namespace SupportBot.Agent.Session;

/// <summary>Why a paired session ended; the value is the process exit code.</summary>
public enum SessionExit
{
    /// <summary>The server said the conversation ended (410).</summary>
    ConversationEnded = 0,
    /// <summary>Unexpected failure.</summary>
    Failed = 1,
    /// <summary>Bad command line or configuration.</summary>
    Usage = 2,
    /// <summary>No job arrived within the idle timeout.</summary>
    IdleTimeout = 3,
    /// <summary>The pairing code was refused, or the token was later rejected.</summary>
    Rejected = 4,
    /// <summary>The user pressed Ctrl+C (or the process was asked to stop).</summary>
    Cancelled = 130,
}
