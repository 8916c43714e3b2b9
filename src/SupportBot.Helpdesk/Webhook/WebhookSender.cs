using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SupportBot.Helpdesk.Outbox;

namespace SupportBot.Helpdesk.Webhook;

/// <summary>Result of one delivery round.</summary>
/// <param name="Delivered">Whether the receiver answered 2xx.</param>
/// <param name="Error">Why not, when it failed.</param>
public sealed record WebhookSendResult(bool Delivered, string? Error);

/// <summary>
/// POSTs one outbox item, signed. Polly handles the short term (per-attempt timeout, a few quick
/// retries); the outbox's next-attempt time handles the long term.
/// </summary>
public sealed class WebhookSender
{
    /// <summary>Name of the HttpClient the sender uses.</summary>
    public const string HttpClientName = "SupportBot.Helpdesk.Webhook";

    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<HelpdeskOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the sender.</summary>
    public WebhookSender(IHttpClientFactory clients, IOptionsMonitor<HelpdeskOptions> options, TimeProvider time)
    {
        _clients = clients;
        _options = options;
        _time = time;
    }

    /// <summary>Sends <paramref name="item"/>; never throws for HTTP failures (returns them).</summary>
    public async Task<WebhookSendResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Webhook;
        if (!options.Enabled)
        {
            return new(false, "Helpdesk:Webhook:Url is not configured.");
        }
        var pipeline = BuildPipeline(options);
        var client = _clients.CreateClient(HttpClientName);
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token => await PostAsync(client, options, item, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new(true, null)
                : new(false, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new(false, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, WebhookOptions options, OutboxItem item, CancellationToken token)
    {
        // Each attempt gets a fresh timestamp, signed inside the body.
        var body = WebhookBody.Build(item, _time.GetUtcNow().ToUnixTimeSeconds());
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.Secret!, body));
        request.Headers.Add(WebhookSignature.TimestampHeader, _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.DeliveryHeader, item.DeliveryId);
        request.Headers.Add(WebhookSignature.EventHeader, item.EventName);
        return await client.SendAsync(request, token).ConfigureAwait(false);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(WebhookOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (options.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.ImmediateRetries,
                Delay = options.ImmediateRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool IsTransient(HttpResponseMessage response)
        => (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
