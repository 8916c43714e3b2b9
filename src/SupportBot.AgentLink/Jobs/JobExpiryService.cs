using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Jobs;

/// <summary>
/// Sweeps jobs past their deadline and delivers a server-made <see cref="CheckStatus.Timeout"/> result for each,
/// so a flow waiting for a check falls back to asking the user instead of hanging.
/// </summary>
internal sealed class JobExpiryService(
    IAgentJobStore jobs, ResultDelivery delivery, IOptions<AgentLinkOptions> options, TimeProvider time,
    ILogger<JobExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(options.Value.ExpirySweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.SweepFailed(logger, exception);
                await Task.Delay(options.Value.ExpirySweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One sweep (also called by tests).</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var expired in jobs.ExpireDue(now.ToUnixTimeMilliseconds()))
        {
            Log.JobExpired(logger, expired.JobId, expired.Kind, expired.ConversationId);
            var result = new CheckResult(expired.JobId, expired.Kind, CheckStatus.Timeout, new Dictionary<string, FactValue>(), [],
                new CheckTimings(now, now, new Dictionary<string, double>()), "No answer from the helper program before the deadline.");
            await delivery.DeliverAsync(expired.ConversationId, result, cancellationToken);
        }
    }
}
