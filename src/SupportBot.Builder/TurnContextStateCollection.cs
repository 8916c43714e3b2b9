namespace SupportBot.Builder;

/// <summary>Per-turn scratch values (services, cached state), keyed by name; gone when the turn ends.</summary>
public class TurnContextStateCollection : Dictionary<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public TurnContextStateCollection()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The value stored under <paramref name="key"/>, or default when absent or of another type.</summary>
    public T? Get<T>(string key) => TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The value stored under the full name of <typeparamref name="T"/>.</summary>
    public T? Get<T>() => Get<T>(typeof(T).FullName!);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> (null removes it).</summary>
    public void Set<T>(string key, T? value)
    {
        if (value is null)
        {
            Remove(key);
        }
        else
        {
            this[key] = value;
        }
    }

    /// <summary>Stores <paramref name="value"/> under the full name of <typeparamref name="T"/>.</summary>
    public void Set<T>(T? value) => Set(typeof(T).FullName!, value);
}
