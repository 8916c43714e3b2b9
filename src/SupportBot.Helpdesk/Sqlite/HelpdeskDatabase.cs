using SupportBot.Storage.Sqlite;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>The helpdesk tables in the shared SupportBot database file, on their own migration track.</summary>
/// <param name="filePath">The database file (created if needed).</param>
/// <param name="busyTimeout">How long a writer waits for the file lock (default 10 s).</param>
public sealed class HelpdeskDatabase(string filePath, TimeSpan? busyTimeout = null)
    : SqliteModuleDatabase(filePath, "helpdesk_schema_version", HelpdeskMigrations.All, busyTimeout);
