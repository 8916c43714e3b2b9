namespace SupportBot.Storage;

/// <summary>One conversation's persisted state: an opaque JSON document and its version (the ETag).</summary>
/// <param name="Json">The state document, written and read by the turn pipeline.</param>
/// <param name="Version">Monotonic version; a write succeeds only against the version it read.</param>
public sealed record StoredState(string Json, long Version);
