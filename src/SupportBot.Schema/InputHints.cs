namespace SupportBot.Schema;

/// <summary>Wire values of <see cref="Activity.InputHint"/> (the <c>...Input</c> forms every SDK sends).</summary>
public static class InputHints
{
    /// <summary>The bot is passively ready for input but is not waiting for it.</summary>
    public const string AcceptingInput = "acceptingInput";
    /// <summary>The bot is actively waiting for an answer (e.g. a prompt).</summary>
    public const string ExpectingInput = "expectingInput";
    /// <summary>The bot is not ready for input (more messages follow).</summary>
    public const string IgnoringInput = "ignoringInput";
}
