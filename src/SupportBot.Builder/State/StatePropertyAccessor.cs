namespace SupportBot.Builder.State;

/// <summary>Reads and writes one named property of the turn's <see cref="LoadedConversationState"/>.</summary>
internal sealed class StatePropertyAccessor<T>(string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        var state = ConversationState.Get(turnContext);
        if (state.TryGet<T>(Name, out var value))
        {
            return Task.FromResult(value);
        }

        if (defaultValueFactory is null)
        {
            return Task.FromResult<T?>(default);
        }

        var created = defaultValueFactory();
        state.Set(Name, created);
        return Task.FromResult<T?>(created);
    }

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        ConversationState.Get(turnContext).Set(Name, value);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ConversationState.Get(turnContext).Delete(Name);
        return Task.CompletedTask;
    }
}
