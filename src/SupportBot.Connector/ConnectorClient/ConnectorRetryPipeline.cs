using System.Net;
using Polly;
using Polly.Retry;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// Retry policy for connector calls (protocol.md §4, Teams rate-limit guidance): exponential backoff with jitter on
/// 429/412/502/504, conservatively on 500/503 and transport errors; <c>Retry-After</c> wins when present;
/// 400/401/403/404/405/413 are final (401 is handled once, by a token refresh, outside this pipeline).
/// </summary>
internal static class ConnectorRetryPipeline
{
    private static readonly HashSet<HttpStatusCode> Retryable =
    [
        HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway,
        HttpStatusCode.GatewayTimeout, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable,
    ];

    public static ResiliencePipeline<HttpResponseMessage> Create(ConnectorClientOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options, time)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose(); // the next attempt gets a fresh response
                    return default;
                },
            })
            .Build();

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => Retryable.Contains(response.StatusCode),
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutException } => true,
        _ => false,
    };

    /// <summary>The server's Retry-After (seconds or date), capped; null lets the backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, ConnectorClientOptions options, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > options.MaxRetryAfter ? options.MaxRetryAfter : value;
    }
}
