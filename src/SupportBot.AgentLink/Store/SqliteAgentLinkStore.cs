using Microsoft.Data.Sqlite;
using SupportBot.Schema;

namespace SupportBot.AgentLink.Store;

/// <summary>Conversations, pairing codes, agent sessions and pairing failures in SQLite (times as Unix milliseconds).</summary>
internal sealed class SqliteAgentLinkStore(AgentLinkDatabase database) : IAgentLinkStore, IPairingFailureLog
{
    /// <inheritdoc />
    public bool AddCode(ConversationReference reference, string codeHash, long nowMs, long expiresMs)
    {
        var conversationId = reference.Conversation!.Id!;
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            INSERT INTO agentlink_conversation (conversation_id, channel_id, reference_json, created_at_ms, ended_at_ms)
            VALUES ($c, $ch, $ref, $now, NULL)
            ON CONFLICT (conversation_id) DO UPDATE SET channel_id = $ch, reference_json = $ref, ended_at_ms = NULL;
            -- One live code per conversation: older unused codes stop working.
            DELETE FROM agentlink_code WHERE conversation_id = $c AND used_at_ms IS NULL;
            DELETE FROM agentlink_code WHERE expires_at_ms < $now - 86400000;
            """, ("$c", conversationId), ("$ch", reference.ChannelId ?? ""), ("$ref", AgentLinkJson.Reference(reference)), ("$now", nowMs));
        var inserted = Execute(connection, transaction, """
            INSERT INTO agentlink_code (code_hash, conversation_id, created_at_ms, expires_at_ms) VALUES ($h, $c, $now, $exp)
            ON CONFLICT (code_hash) DO NOTHING;
            """, ("$h", codeHash), ("$c", conversationId), ("$now", nowMs), ("$exp", expiresMs));
        transaction.Commit();
        return inserted == 1;
    }

    /// <inheritdoc />
    public (RedeemOutcome Outcome, string? ConversationId) Redeem(string codeHash, long nowMs, string sessionId, long sessionExpiresMs, string agentVersion, string os)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT k.conversation_id, k.expires_at_ms, k.used_at_ms, c.ended_at_ms
            FROM agentlink_code k JOIN agentlink_conversation c ON c.conversation_id = k.conversation_id WHERE k.code_hash = $h;
            """;
        select.Parameters.AddWithValue("$h", codeHash);
        string conversationId;
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read()) return (RedeemOutcome.Invalid, null);
            conversationId = reader.GetString(0);
            if (!reader.IsDBNull(2)) return (RedeemOutcome.Used, null);
            if (reader.GetInt64(1) <= nowMs || !reader.IsDBNull(3)) return (RedeemOutcome.Expired, null);
        }
        Execute(connection, transaction, "UPDATE agentlink_code SET used_at_ms = $now WHERE code_hash = $h;", ("$now", nowMs), ("$h", codeHash));
        Execute(connection, transaction, """
            INSERT INTO agentlink_session (session_id, conversation_id, created_at_ms, expires_at_ms, last_seen_ms, agent_version, os)
            VALUES ($s, $c, $now, $exp, $now, $v, $os);
            """, ("$s", sessionId), ("$c", conversationId), ("$now", nowMs), ("$exp", sessionExpiresMs), ("$v", agentVersion), ("$os", os));
        transaction.Commit();
        return (RedeemOutcome.Paired, conversationId);
    }

    /// <inheritdoc />
    public SessionRow? FindSession(string sessionId)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.conversation_id, s.expires_at_ms, s.revoked_at_ms, c.ended_at_ms
            FROM agentlink_session s JOIN agentlink_conversation c ON c.conversation_id = s.conversation_id WHERE s.session_id = $s;
            """;
        command.Parameters.AddWithValue("$s", sessionId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new SessionRow(sessionId, reader.GetString(0), reader.GetInt64(1), NullableLong(reader, 2), NullableLong(reader, 3))
            : null;
    }

    /// <inheritdoc />
    public void Touch(string sessionId, long nowMs) =>
        Run("UPDATE agentlink_session SET last_seen_ms = $now WHERE session_id = $s;", ("$now", nowMs), ("$s", sessionId));

    /// <inheritdoc />
    public bool End(string conversationId, long nowMs)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var ended = Execute(connection, transaction,
            "UPDATE agentlink_conversation SET ended_at_ms = $now WHERE conversation_id = $c AND ended_at_ms IS NULL;", ("$now", nowMs), ("$c", conversationId));
        Execute(connection, transaction, """
            UPDATE agentlink_session SET revoked_at_ms = $now WHERE conversation_id = $c AND revoked_at_ms IS NULL;
            DELETE FROM agentlink_code WHERE conversation_id = $c AND used_at_ms IS NULL;
            UPDATE agentlink_job SET state = 'cancelled', completed_at_ms = $now WHERE conversation_id = $c AND state IN ('queued', 'claimed');
            """, ("$now", nowMs), ("$c", conversationId));
        transaction.Commit();
        return ended == 1;
    }

    /// <inheritdoc />
    public bool IsPaired(string conversationId, long nowMs, long seenSinceMs)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM agentlink_session s JOIN agentlink_conversation c ON c.conversation_id = s.conversation_id
                           WHERE s.conversation_id = $c AND s.revoked_at_ms IS NULL AND s.expires_at_ms > $now
                             AND s.last_seen_ms >= $seen AND c.ended_at_ms IS NULL);
            """;
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$seen", seenSinceMs);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <inheritdoc />
    public ConversationReference? OpenReference(string conversationId, bool includeEnded = false)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference_json, ended_at_ms FROM agentlink_conversation WHERE conversation_id = $c;";
        command.Parameters.AddWithValue("$c", conversationId);
        using var reader = command.ExecuteReader();
        if (!reader.Read() || (!includeEnded && !reader.IsDBNull(1))) return null;
        return AgentLinkJson.Reference(reader.GetString(0));
    }

    /// <inheritdoc />
    public void RecordFailure(string address, long nowMs, long forgetBeforeMs)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "INSERT INTO agentlink_pairing_failure (address, at_ms) VALUES ($a, $now);", ("$a", address), ("$now", nowMs));
        Execute(connection, transaction, "DELETE FROM agentlink_pairing_failure WHERE at_ms <= $forget;", ("$forget", forgetBeforeMs));
        transaction.Commit();
    }

    /// <inheritdoc />
    public PairingFailureCounts CountFailures(string address, long sinceMs)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(SUM(address = $a), 0), COUNT(*) FROM agentlink_pairing_failure WHERE at_ms > $since;
            """;
        command.Parameters.AddWithValue("$a", address);
        command.Parameters.AddWithValue("$since", sinceMs);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new PairingFailureCounts(reader.GetInt32(0), reader.GetInt32(1));
    }

    private void Run(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.OpenConnection();
        Execute(connection, null, sql, parameters);
    }

    internal static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    private static long? NullableLong(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
