using SupportBot.Agent.Contracts;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>
/// Runs one job: finds the check, enforces the time limit and the job deadline, and turns whatever happens
/// (refusal, bad parameters, timeout, crash) into a <see cref="CheckResult"/>. It never throws for a job.
/// </summary>
public sealed class CheckRunner(IEnumerable<ICheck> checks, AllowList allowList, TimeProvider time, TimeSpan defaultTimeLimit)
{
    private readonly Dictionary<string, ICheck> _checks = checks.ToDictionary(c => c.Kind, StringComparer.Ordinal);

    /// <summary>The agent version reported in results.</summary>
    public static string AgentVersion { get; } =
        typeof(CheckRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Runs <paramref name="request"/>; <paramref name="untilDeadline"/> is the time left before the server's deadline.</summary>
    public async Task<CheckResult> RunAsync(CheckRequest request, TimeSpan? untilDeadline, CancellationToken cancellationToken)
    {
        var context = new CheckContext(request, allowList, time);
        var started = time.GetUtcNow();
        if (request.ContractVersion > AgentContract.ContractVersion)
            return Finish(context, started, CheckStatus.Unsupported, $"Contract version {request.ContractVersion} is newer than this agent's ({AgentContract.ContractVersion}).");
        if (!_checks.TryGetValue(request.Kind ?? "", out var check))
            return Finish(context, started, CheckStatus.Unsupported, $"Unknown check kind '{request.Kind}'.");

        var limit = check.TimeLimit ?? defaultTimeLimit;
        if (untilDeadline is { } left && left < limit) limit = left;
        if (limit <= TimeSpan.Zero)
            return Finish(context, started, CheckStatus.Timeout, "The job's deadline had already passed.");

        using var limitCts = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limitCts.Token, cancellationToken);
        try
        {
            // WaitAsync is the hard stop for a check that does not honour cancellation.
            await check.RunAsync(context, linked.Token).WaitAsync(limit, time, cancellationToken).ConfigureAwait(false);
            return Finish(context, started, context.Status, context.Reason);
        }
        catch (CheckRefusedException refused)
        {
            return Finish(context, started, CheckStatus.Refused, refused.Message);
        }
        catch (CheckParameterException bad)
        {
            return Finish(context, started, CheckStatus.Error, bad.Message);
        }
        catch (Exception ex) when (IsTimeLimit(ex, limitCts, cancellationToken))
        {
            return Finish(context, started, CheckStatus.Timeout, $"No answer within {limit.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Finish(context, started, CheckStatus.Error, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static bool IsTimeLimit(Exception ex, CancellationTokenSource limitCts, CancellationToken outer) =>
        !outer.IsCancellationRequested && (ex is TimeoutException || (ex is OperationCanceledException && limitCts.IsCancellationRequested));

    private CheckResult Finish(CheckContext context, DateTimeOffset started, CheckStatus status, string? reason)
    {
        var (facts, evidence, phases) = context.Snapshot();
        var finished = time.GetUtcNow();
        if (reason is not null && status is not CheckStatus.Pass) evidence.Add(reason);
        return new CheckResult(context.Request.JobId, context.Request.Kind ?? "", status, facts, evidence,
            new CheckTimings(started, finished, phases), status is CheckStatus.Pass ? null : reason, AgentVersion);
    }
}
