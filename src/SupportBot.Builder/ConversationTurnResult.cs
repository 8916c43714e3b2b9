using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>The outcome of <see cref="ConversationTurnRunner.RunTurnAsync"/>.</summary>
public sealed class ConversationTurnResult
{
    /// <summary>How the turn ended.</summary>
    public required TurnStatus Status { get; init; }

    /// <summary>How many times the turn ran (more than 1 after state conflicts).</summary>
    public int Attempts { get; init; }

    /// <summary>The answer to an <c>invoke</c> activity, for the HTTP response; null otherwise.</summary>
    public InvokeResponse? InvokeResponse { get; init; }

    /// <summary>The activities delivered after the save (message, event, ...; typing is not listed).</summary>
    public IReadOnlyList<Activity> Delivered { get; init; } = [];

    /// <summary>The delivery responses, parallel to <see cref="Delivered"/>.</summary>
    public IReadOnlyList<ResourceResponse> Responses { get; init; } = [];

    /// <summary>The error of a <see cref="TurnStatus.Failed"/> turn.</summary>
    public Exception? Error { get; init; }
}
