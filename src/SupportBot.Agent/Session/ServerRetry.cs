using System.Net;
using Polly;
using Polly.Retry;

namespace SupportBot.Agent.Session;

/// <summary>Retry with exponential backoff and jitter for calls to the bot server (network errors, 5xx, 408, 429).</summary>
public static class ServerRetry
{
    /// <summary>A pipeline retrying <paramref name="attempts"/> times, starting at <paramref name="firstDelay"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(TimeProvider time, int attempts = 4, TimeSpan? firstDelay = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = attempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay ?? TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(20),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose(); // free the failed response before trying again
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        // HttpClient.Timeout surfaces as TaskCanceledException wrapping a TimeoutException.
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
