namespace SupportBot.Storage.Sqlite;

/// <summary>One write waiting for the group-commit writer: the work, and the caller's task completed after the commit.</summary>
internal abstract class SqliteQueuedWrite
{
    /// <summary>Runs the work inside the batch's transaction (the writer wraps it in a savepoint).</summary>
    public abstract void Run(SqliteSession session);

    /// <summary>True when the caller gave up before the writer reached this write.</summary>
    public abstract bool IsCancelled { get; }

    /// <summary>The commit that holds this write succeeded: hand the result to the caller.</summary>
    public abstract void Complete();

    /// <summary>This write (or the batch's commit) failed: the caller sees the exception.</summary>
    public abstract void Fail(Exception exception);
}

/// <summary>A queued write that returns <typeparamref name="T"/>.</summary>
internal sealed class SqliteQueuedWrite<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken) : SqliteQueuedWrite
{
    // Continuations run on the pool, never inline on the writer's thread (it still has a batch to finish).
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override bool IsCancelled => cancellationToken.IsCancellationRequested;

    public override void Run(SqliteSession session) => _result = work(session);

    public override void Complete() => _completion.TrySetResult(_result);

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(cancellationToken);
            return;
        }
        _completion.TrySetException(exception);
    }
}
