namespace SupportBot.Flows.Loading;

/// <summary>One problem found in a flow file.</summary>
/// <param name="File">The file name (relative to the dialogs directory).</param>
/// <param name="StateId">The state the problem is in, or null for flow-level problems.</param>
/// <param name="Line">1-based line in the file, or 0 when unknown.</param>
/// <param name="Message">What is wrong, in words a flow author understands.</param>
public sealed record FlowError(string File, string? StateId, int Line, string Message)
{
    /// <summary>Formats as <c>file:line: state 'id': message</c>.</summary>
    public override string ToString() =>
        $"{File}{(Line > 0 ? $":{Line}" : "")}: {(StateId is null ? "" : $"state '{StateId}': ")}{Message}";
}
