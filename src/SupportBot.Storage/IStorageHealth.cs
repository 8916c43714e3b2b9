namespace SupportBot.Storage;

/// <summary>Answers whether the storage engine can be reached (the host's readiness probe).</summary>
public interface IStorageHealth
{
    /// <summary>Runs a trivial query; <c>true</c> when the engine answered.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
