using System.Globalization;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Store;
using static SupportBot.AgentLink.PostgreSql.AgentLinkPostgreSqlDatabase;

namespace SupportBot.AgentLink.PostgreSql;

/// <summary>
/// The job queue in PostgreSQL, polled by agents through any instance. Claims and expiry sweeps pick their rows with
/// <c>FOR UPDATE SKIP LOCKED</c>: concurrent claimers never wait on each other and never take the same job.
/// </summary>
internal sealed class PostgreSqlAgentJobStore(AgentLinkPostgreSqlDatabase database) : IAgentJobStore
{
    private const int MaxJobsPerPoll = 10;

    /// <inheritdoc />
    public bool Enqueue(string conversationId, CheckRequest job, long nowMs)
    {
        using var connection = database.DataSource.OpenConnection();
        return Execute(connection, null, """
            INSERT INTO agentlink_job (job_id, conversation_id, kind, parameters_json, created_at_ms, deadline_ms, state)
            SELECT @j, @c, @k, @p, @now, @d, 'queued'
            WHERE EXISTS (SELECT 1 FROM agentlink_conversation WHERE conversation_id = @c AND ended_at_ms IS NULL);
            """, ("j", job.JobId), ("c", conversationId), ("k", job.Kind), ("p", AgentLinkJson.Parameters(job.Parameters)),
            ("now", nowMs), ("d", job.Deadline.ToUnixTimeMilliseconds())) == 1;
    }

    /// <inheritdoc />
    public IReadOnlyList<CheckRequest> Claim(string conversationId, string sessionId, long nowMs)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null, """
            UPDATE agentlink_job SET state = 'claimed', session_id = @s, claimed_at_ms = @now
            WHERE seq IN (SELECT seq FROM agentlink_job WHERE conversation_id = @c AND state = 'queued' AND deadline_ms > @now
                          ORDER BY seq LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING seq, job_id, kind, parameters_json, deadline_ms;
            """, ("s", sessionId), ("now", nowMs), ("c", conversationId), ("max", MaxJobsPerPoll));
        var jobs = new List<(long Seq, CheckRequest Job)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                jobs.Add((reader.GetInt64(0), new CheckRequest(reader.GetString(1), reader.GetString(2),
                    AgentLinkJson.Parameters(reader.GetString(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))));
            }
        }
        // RETURNING order is not guaranteed; the agent runs jobs in the order given.
        return [.. jobs.OrderBy(j => j.Seq).Select(j => j.Job)];
    }

    /// <inheritdoc />
    public CompleteOutcome Complete(string conversationId, CheckResult result, long nowMs)
    {
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        string state;
        // FOR UPDATE: the same result posted to two instances at once is accepted once, then read as a duplicate.
        using (var select = Command(connection, transaction, "SELECT kind, state FROM agentlink_job WHERE job_id = @j AND conversation_id = @c FOR UPDATE;",
            ("j", result.JobId), ("c", conversationId)))
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read()) return CompleteOutcome.NotFound;
            if (!string.Equals(reader.GetString(0), result.Kind, StringComparison.Ordinal)) return CompleteOutcome.KindMismatch;
            state = reader.GetString(1);
        }
        if (state is "done") return CompleteOutcome.Duplicate;
        var accepted = state is "claimed" or "queued";
        // A late answer is still kept for the helpdesk, but the flow has moved on: it is not delivered.
        Execute(connection, transaction, """
            UPDATE agentlink_job SET state = CASE WHEN @accepted THEN 'done' ELSE state END,
                   completed_at_ms = COALESCE(completed_at_ms, @now), status = @st, result_json = @r
            WHERE job_id = @j;
            """, ("accepted", accepted), ("now", nowMs), ("st", AgentLinkJson.Status(result.Status)),
            ("r", AgentLinkJson.Result(result)), ("j", result.JobId));
        transaction.Commit();
        return accepted ? CompleteOutcome.Accepted : CompleteOutcome.Late;
    }

    /// <inheritdoc />
    public IReadOnlyList<ExpiredJob> ExpireDue(long nowMs)
    {
        using var connection = database.DataSource.OpenConnection();
        // SKIP LOCKED: sweeps on several instances split the overdue jobs instead of waiting on (or deadlocking with) each other.
        using var command = Command(connection, null, """
            UPDATE agentlink_job SET state = 'expired', completed_at_ms = @now, status = 'timeout'
            WHERE seq IN (SELECT seq FROM agentlink_job WHERE state IN ('queued', 'claimed') AND deadline_ms <= @now
                          FOR UPDATE SKIP LOCKED)
            RETURNING conversation_id, job_id, kind;
            """, ("now", nowMs));
        var expired = new List<ExpiredJob>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) expired.Add(new ExpiredJob(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return expired;
    }

    /// <inheritdoc />
    public IReadOnlyList<CheckResult> Results(string conversationId)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null,
            "SELECT result_json FROM agentlink_job WHERE conversation_id = @c AND result_json IS NOT NULL ORDER BY seq;", ("c", conversationId));
        var results = new List<CheckResult>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (AgentLinkJson.Result(reader.GetString(0)) is { } result) results.Add(result);
        }
        return results;
    }

    /// <inheritdoc />
    public int Count(string conversationId, string state)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = Command(connection, null, "SELECT COUNT(*) FROM agentlink_job WHERE conversation_id = @c AND state = @s;",
            ("c", conversationId), ("s", state));
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
