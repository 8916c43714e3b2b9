using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>Everything a bot sees and can do during one turn.</summary>
public interface ITurnContext
{
    /// <summary>The adapter that runs the turn.</summary>
    BotAdapter Adapter { get; }

    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>Per-turn values (loaded state, services).</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>True once the bot sent something visible this turn (not typing, trace or invoke responses).</summary>
    bool Responded { get; }

    /// <summary>Sends a text message (<c>inputHint</c> defaults to acceptingInput).</summary>
    Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default);

    /// <summary>Sends one activity; missing addressing fields are filled from the inbound activity.</summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends activities in order.</summary>
    Task<ResourceResponse[]> SendActivitiesAsync(Activity[] activities, CancellationToken cancellationToken = default);

    /// <summary>Replaces a previously sent activity (its <c>Id</c> must be set).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Deletes a previously sent activity.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the activity a reference points at.</summary>
    Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default);

    /// <summary>Adds a hook that runs on every send of this turn (first added runs outermost).</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    /// <summary>Adds a hook that runs on every update of this turn.</summary>
    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    /// <summary>Adds a hook that runs on every delete of this turn.</summary>
    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
