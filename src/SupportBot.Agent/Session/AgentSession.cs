using System.Runtime.InteropServices;
using SupportBot.Agent.Checks;
using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;
using SupportBot.Agent.Ui;

namespace SupportBot.Agent.Session;

/// <summary>
/// One paired session: pair, then long-poll → run each job → post its result, until the conversation ends (410),
/// the user cancels, or no job arrives within the idle timeout.
/// </summary>
public sealed class AgentSession(AgentServerClient server, CheckRunner runner, AgentOptions options, ProgressWriter progress, TimeProvider time)
{
    private static readonly TimeSpan PauseWhenUnreachable = TimeSpan.FromSeconds(5);

    /// <summary>Runs the session to its end and says why it ended.</summary>
    public async Task<SessionExit> RunAsync(string code, CancellationToken cancellationToken)
    {
        PairResponse? pairing = null;
        try
        {
            progress.Say(progress.Messages.Connecting);
            pairing = await server.PairAsync(code, RuntimeInformation.OSDescription, cancellationToken).ConfigureAwait(false);
            progress.Say(progress.Messages.Connected);
            progress.Say(progress.Messages.Waiting);
            return await PollUntilDoneAsync(pairing, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Say(progress.Messages.Cancelled);
            return SessionExit.Cancelled;
        }
        catch (ServerRejectedException ex) when (!IsTransient(ex))
        {
            // Before pairing: wrong, expired or locked-out code. After: the token was revoked or expired.
            progress.Say(pairing is null ? progress.Messages.PairRejected : progress.Messages.TokenRejected);
            return SessionExit.Rejected;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
        {
            // Pairing still failing after the retries: the server is down or unreachable.
            progress.Say(progress.Messages.GaveUp);
            return SessionExit.Failed;
        }
    }

    private async Task<SessionExit> PollUntilDoneAsync(PairResponse pairing, CancellationToken ct)
    {
        var lastActivity = time.GetTimestamp();
        while (true)
        {
            var idleLeft = options.IdleTimeout - time.GetElapsedTime(lastActivity);
            if (idleLeft <= TimeSpan.Zero)
            {
                progress.Say(progress.Messages.Idle);
                return SessionExit.IdleTimeout;
            }
            var wait = (int)Math.Clamp(Math.Ceiling(idleLeft.TotalSeconds), 1, options.PollWaitSeconds);
            PollOutcome poll;
            try
            {
                poll = await server.PollAsync(pairing, wait, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && IsTransient(ex))
            {
                // Retries are exhausted; keep trying until the idle timeout rather than leaving the user stranded.
                progress.Say(progress.Messages.Unreachable);
                await Task.Delay(PauseWhenUnreachable, time, ct).ConfigureAwait(false);
                continue;
            }

            if (poll.Kind == PollKind.Ended) return Ended();
            if (poll.Kind == PollKind.NoJobs) continue;
            // Deadlines are in server time: measure them against the server's clock, not this PC's (which may be off).
            var received = time.GetTimestamp();
            var serverNow = poll.Response!.ServerTime ?? time.GetUtcNow();
            foreach (var job in poll.Response.Jobs)
            {
                progress.Starting(job);
                TimeSpan? untilDeadline = job.Deadline == default ? null : job.Deadline - serverNow - time.GetElapsedTime(received);
                var result = await runner.RunAsync(job, untilDeadline, ct).ConfigureAwait(false);
                progress.Finished(result);
                try
                {
                    if (!await server.PostResultAsync(pairing, result, ct).ConfigureAwait(false)) return Ended();
                    progress.Say(progress.Messages.Sent);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && IsTransient(ex))
                {
                    progress.Say(progress.Messages.Unreachable); // the bot falls back to asking the user; keep serving
                }
            }
            lastActivity = time.GetTimestamp();
        }
    }

    // Still failing after the retry pipeline gave up: network errors, HTTP timeouts and 5xx-type answers.
    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException
        || (ex is ServerRejectedException rejected && (int)rejected.Status is >= 500 or 408 or 429);

    private SessionExit Ended()
    {
        progress.Say(progress.Messages.Ended);
        return SessionExit.ConversationEnded;
    }
}
