using Npgsql;
using SupportBot.AgentLink.Store;
using SupportBot.Schema;
using static SupportBot.AgentLink.PostgreSql.AgentLinkPostgreSqlDatabase;

namespace SupportBot.AgentLink.PostgreSql;

/// <summary>
/// Conversations, pairing codes, agent sessions and pairing failures in PostgreSQL. Shared by every instance:
/// redeeming locks the code row, so a code used on one instance is refused on the others, and revocations and
/// failure counts are rows every instance reads.
/// </summary>
internal sealed class PostgreSqlAgentLinkStore(AgentLinkPostgreSqlDatabase database) : IAgentLinkStore, IPairingFailureLog
{
    /// <inheritdoc />
    public bool AddCode(ConversationReference reference, string codeHash, long nowMs, long expiresMs)
    {
        var conversationId = reference.Conversation!.Id!;
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // The upsert locks the conversation row: two code requests for one conversation run one after the other.
        Execute(connection, transaction, """
            INSERT INTO agentlink_conversation (conversation_id, channel_id, reference_json, created_at_ms, ended_at_ms)
            VALUES (@c, @ch, @ref, @now, NULL)
            ON CONFLICT (conversation_id) DO UPDATE SET channel_id = @ch, reference_json = @ref, ended_at_ms = NULL;
            """, ("c", conversationId), ("ch", reference.ChannelId ?? ""), ("ref", AgentLinkJson.Reference(reference)), ("now", nowMs));
        // One live code per conversation: older unused codes stop working.
        Execute(connection, transaction, "DELETE FROM agentlink_code WHERE conversation_id = @c AND used_at_ms IS NULL;", ("c", conversationId));
        Execute(connection, transaction, "DELETE FROM agentlink_code WHERE expires_at_ms < @old;", ("old", nowMs - 86_400_000L));
        var inserted = Execute(connection, transaction, """
            INSERT INTO agentlink_code (code_hash, conversation_id, created_at_ms, expires_at_ms) VALUES (@h, @c, @now, @exp)
            ON CONFLICT (code_hash) DO NOTHING;
            """, ("h", codeHash), ("c", conversationId), ("now", nowMs), ("exp", expiresMs));
        transaction.Commit();
        return inserted == 1;
    }

    /// <inheritdoc />
    public (RedeemOutcome Outcome, string? ConversationId) Redeem(string codeHash, long nowMs, string sessionId, long sessionExpiresMs, string agentVersion, string os)
    {
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        string conversationId;
        // FOR UPDATE: a concurrent redeem of the same code (on any instance) waits here, then reads it as used.
        using (var select = Command(connection, transaction, """
            SELECT k.conversation_id, k.expires_at_ms, k.used_at_ms, c.ended_at_ms
            FROM agentlink_code k JOIN agentlink_conversation c ON c.conversation_id = k.conversation_id
            WHERE k.code_hash = @h FOR UPDATE;
            """, ("h", codeHash)))
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read()) return (RedeemOutcome.Invalid, null);
            conversationId = reader.GetString(0);
            if (!reader.IsDBNull(2)) return (RedeemOutcome.Used, null);
            if (reader.GetInt64(1) <= nowMs || !reader.IsDBNull(3)) return (RedeemOutcome.Expired, null);
        }
        Execute(connection, transaction, "UPDATE agentlink_code SET used_at_ms = @now WHERE code_hash = @h;", ("now", nowMs), ("h", codeHash));
        Execute(connection, transaction, """
            INSERT INTO agentlink_session (session_id, conversation_id, created_at_ms, expires_at_ms, last_seen_ms, agent_version, os)
            VALUES (@s, @c, @now, @exp, @now, @v, @os);
            """, ("s", sessionId), ("c", conversationId), ("now", nowMs), ("exp", sessionExpiresMs), ("v", agentVersion), ("os", os));
        transaction.Commit();
        return (RedeemOutcome.Paired, conversationId);
    }

    /// <inheritdoc />
    public SessionRow? FindSession(string sessionId)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null, """
            SELECT s.conversation_id, s.expires_at_ms, s.revoked_at_ms, c.ended_at_ms
            FROM agentlink_session s JOIN agentlink_conversation c ON c.conversation_id = s.conversation_id WHERE s.session_id = @s;
            """, ("s", sessionId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new SessionRow(sessionId, reader.GetString(0), reader.GetInt64(1), NullableLong(reader, 2), NullableLong(reader, 3))
            : null;
    }

    /// <inheritdoc />
    public void Touch(string sessionId, long nowMs)
    {
        using var connection = database.DataSource.OpenConnection();
        // GREATEST: instances with slightly different clocks never move presence backwards.
        Execute(connection, null, "UPDATE agentlink_session SET last_seen_ms = GREATEST(last_seen_ms, @now) WHERE session_id = @s;",
            ("now", nowMs), ("s", sessionId));
    }

    /// <inheritdoc />
    public bool End(string conversationId, long nowMs)
    {
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var ended = Execute(connection, transaction,
            "UPDATE agentlink_conversation SET ended_at_ms = @now WHERE conversation_id = @c AND ended_at_ms IS NULL;", ("now", nowMs), ("c", conversationId));
        Execute(connection, transaction, "UPDATE agentlink_session SET revoked_at_ms = @now WHERE conversation_id = @c AND revoked_at_ms IS NULL;",
            ("now", nowMs), ("c", conversationId));
        Execute(connection, transaction, "DELETE FROM agentlink_code WHERE conversation_id = @c AND used_at_ms IS NULL;", ("c", conversationId));
        Execute(connection, transaction, """
            UPDATE agentlink_job SET state = 'cancelled', completed_at_ms = @now WHERE conversation_id = @c AND state IN ('queued', 'claimed');
            """, ("now", nowMs), ("c", conversationId));
        transaction.Commit();
        return ended == 1;
    }

    /// <inheritdoc />
    public bool IsPaired(string conversationId, long nowMs, long seenSinceMs)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null, """
            SELECT EXISTS (SELECT 1 FROM agentlink_session s JOIN agentlink_conversation c ON c.conversation_id = s.conversation_id
                           WHERE s.conversation_id = @c AND s.revoked_at_ms IS NULL AND s.expires_at_ms > @now
                             AND s.last_seen_ms >= @seen AND c.ended_at_ms IS NULL);
            """, ("c", conversationId), ("now", nowMs), ("seen", seenSinceMs));
        return (bool)command.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public ConversationReference? OpenReference(string conversationId, bool includeEnded = false)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null, "SELECT reference_json, ended_at_ms FROM agentlink_conversation WHERE conversation_id = @c;",
            ("c", conversationId));
        using var reader = command.ExecuteReader();
        if (!reader.Read() || (!includeEnded && !reader.IsDBNull(1))) return null;
        return AgentLinkJson.Reference(reader.GetString(0));
    }

    /// <inheritdoc />
    public void RecordFailure(string address, long nowMs, long forgetBeforeMs)
    {
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "INSERT INTO agentlink_pairing_failure (address, at_ms) VALUES (@a, @now);", ("a", address), ("now", nowMs));
        Execute(connection, transaction, "DELETE FROM agentlink_pairing_failure WHERE at_ms <= @forget;", ("forget", forgetBeforeMs));
        transaction.Commit();
    }

    /// <inheritdoc />
    public PairingFailureCounts CountFailures(string address, long sinceMs)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null, """
            SELECT COUNT(*) FILTER (WHERE address = @a), COUNT(*) FROM agentlink_pairing_failure WHERE at_ms > @since;
            """, ("a", address), ("since", sinceMs));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new PairingFailureCounts(checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
    }

    private static long? NullableLong(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
