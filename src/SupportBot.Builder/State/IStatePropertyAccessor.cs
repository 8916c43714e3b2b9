namespace SupportBot.Builder.State;

/// <summary>A named, typed property of the conversation state (e.g. the dialog stack).</summary>
/// <typeparam name="T">The property type; it must round-trip through System.Text.Json.</typeparam>
public interface IStatePropertyAccessor<T>
{
    /// <summary>The property name in the state document.</summary>
    string Name { get; }

    /// <summary>
    /// The value for this turn. When absent, <paramref name="defaultValueFactory"/> creates it and it is stored
    /// (so changes to the returned object are saved); without a factory, default is returned and nothing stored.
    /// </summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the value (saved when the turn ends successfully).</summary>
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    /// <summary>Removes the value.</summary>
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
