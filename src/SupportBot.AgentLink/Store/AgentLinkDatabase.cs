using SupportBot.Storage.Sqlite;

namespace SupportBot.AgentLink.Store;

/// <summary>The agent-link tables in the shared SupportBot database file, on their own migration track.</summary>
/// <param name="filePath">The database file (created if needed).</param>
/// <param name="busyTimeout">How long a writer waits for the file lock (default 10 s).</param>
public sealed class AgentLinkDatabase(string filePath, TimeSpan? busyTimeout = null)
    : SqliteModuleDatabase(filePath, "agentlink_schema_version", AgentLinkMigrations.All, busyTimeout);
