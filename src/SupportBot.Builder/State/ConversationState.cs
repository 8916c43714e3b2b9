namespace SupportBot.Builder.State;

/// <summary>
/// Conversation-scoped state as typed properties, persisted as one JSON document per conversation.
/// Holds no per-conversation data itself (one instance per app): the <see cref="ConversationTurnRunner"/>
/// loads the document into the turn before the bot runs and saves it after, with an ETag check.
/// </summary>
public class ConversationState
{
    /// <summary>Key of the <see cref="LoadedConversationState"/> in <see cref="ITurnContext.TurnState"/>.</summary>
    public static readonly string TurnStateKey = typeof(LoadedConversationState).FullName!;

    /// <summary>Creates an accessor for the property <paramref name="name"/>.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new StatePropertyAccessor<T>(name);
    }

    /// <summary>The state loaded for this turn; throws when the turn was not run through a <see cref="ConversationTurnRunner"/>.</summary>
    public static LoadedConversationState Get(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<LoadedConversationState>(TurnStateKey)
            ?? throw new InvalidOperationException(
                "Conversation state is not loaded for this turn. Run turns through ConversationTurnRunner (or call ConversationState.Attach in tests).");
    }

    /// <summary>Puts a loaded state into a turn (the runner does this; tests may too).</summary>
    public static void Attach(ITurnContext turnContext, LoadedConversationState state)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[TurnStateKey] = state ?? throw new ArgumentNullException(nameof(state));
    }

    /// <summary>Removes every property of the conversation (saved at the end of the turn).</summary>
    public static void Clear(ITurnContext turnContext) => Get(turnContext).Clear();
}
