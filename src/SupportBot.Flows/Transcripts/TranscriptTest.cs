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

    /// <summary>The turns, in order.</summary>
    public required IReadOnlyList<TranscriptStep> Steps { get; init; }

    /// <summary>Expected outcome: resolved, escalated, out-of-scope or cancelled.</summary>
    public required string Outcome { get; init; }

    /// <summary>Line in the file, for failure messages.</summary>
    public int Line { get; init; }
}

/// <summary>One turn: what the user says (absent for the opening) and what the bot must say.</summary>
/// <param name="User">Typed text, a button label or a choice id; null for the bot's opening messages.</param>
/// <param name="Bot">Phrases the replies of this turn must contain.</param>
/// <param name="State">The state the conversation must be in afterwards, when given.</param>
public sealed record TranscriptStep(string? User, IReadOnlyList<string> Bot, string? State);
