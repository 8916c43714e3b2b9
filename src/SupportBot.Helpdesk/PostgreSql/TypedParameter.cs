using Npgsql;
using NpgsqlTypes;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>Parameters for nullable columns: a bare <see cref="DBNull"/> would leave PostgreSQL guessing the type.</summary>
internal static class TypedParameter
{
    public static NpgsqlParameter Nullable(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Nullable(string name, int? value) =>
        new(name, NpgsqlDbType.Integer) { Value = value is { } v ? v : DBNull.Value };

    public static NpgsqlParameter Nullable(string name, long? value) =>
        new(name, NpgsqlDbType.Bigint) { Value = value is { } v ? v : DBNull.Value };
}
