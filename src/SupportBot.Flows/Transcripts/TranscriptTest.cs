namespace SupportBot.Flows.Transcripts;

/// <summary>A scripted conversation from <c>dialogs/&lt;flow&gt;.tests.yaml</c>.</summary>
public sealed record TranscriptTest
{
    /// <summary>Flow the test runs.</summary>
    public required string Flow { get; init; }

    /// <summary>What the conversation shows.</summary>
    public required string Name { get; init; }

    /// <summary>Conversation locale (Japanese when absent).</summary>
    public string? Locale { get; init; }

    /// <summary>True (<c>helper: paired</c>) when a PC helper is paired: questions with a check are checked, not asked.</summary>
    public bool Helper { get; init; }

    /// <summary>The turns, in order.</summary>
    public required IReadOnlyList<TranscriptStep> Steps { get; init; }

    /// <summary>Expected outcome: resolved, escalated, out-of-scope or cancelled.</summary>
    public required string Outcome { get; init; }

    /// <summary>Line in the file, for failure messages.</summary>
    public int Line { get; init; }
}

/// <summary>One turn: what the user says or the helper reports (absent for the opening) and what the bot must say.</summary>
/// <param name="User">Typed text, a button label or a choice id; null for the bot's opening messages.</param>
/// <param name="Bot">Phrases the replies of this turn must contain.</param>
/// <param name="State">The state the conversation must be in afterwards, when given.</param>
/// <param name="Agent">The helper's result for the pending check (instead of <paramref name="User"/>).</param>
/// <param name="Asked">When given: whether the turn must end by asking the state's question (false = the helper checks it).</param>
public sealed record TranscriptStep(string? User, IReadOnlyList<string> Bot, string? State, TranscriptAgentResult? Agent = null, bool? Asked = null);

/// <summary>A scripted helper result: <c>agent: { outcome: iis-page }</c>, <c>agent: { status: timeout }</c>, optional <c>facts</c>.</summary>
/// <param name="Outcome">The outcome the result stands for (its typical facts are used).</param>
/// <param name="Status">A status without an answer: error, timeout, refused or unsupported.</param>
/// <param name="Facts">Facts added to (or replacing) the typical ones, e.g. <c>version: 2.7.1</c>.</param>
public sealed record TranscriptAgentResult(string? Outcome, string? Status, IReadOnlyDictionary<string, string> Facts);
