namespace SupportBot.Storage.Sqlite;

/// <summary>One schema change. Steps run in <see cref="Version"/> order, each exactly once per file and track.</summary>
/// <param name="Version">Position in the sequence; never renumber a released step.</param>
/// <param name="Description">What the step does (kept in the track's version table).</param>
/// <param name="Sql">The statements to run.</param>
public sealed record SqliteMigration(int Version, string Description, string Sql);
