namespace SupportBot.Storage;

/// <summary>
/// The single-instance (SQLite) <see cref="IActivityNotifications"/>: never raises. One process owns
/// the store, so its in-process broadcaster already sees every append.
/// </summary>
public sealed class NullActivityNotifications : IActivityNotifications
{
    /// <summary>The shared instance.</summary>
    public static NullActivityNotifications Instance { get; } = new();

    private NullActivityNotifications()
    {
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Func<string, long, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Nothing.Instance;
    }

    /// <inheritdoc />
    public IDisposable Watch(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return Nothing.Instance;
    }

    private sealed class Nothing : IDisposable
    {
        public static Nothing Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
