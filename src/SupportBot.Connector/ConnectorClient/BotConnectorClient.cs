using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using SupportBot.Connector.Authentication;
using SupportBot.Schema;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// <see cref="IConnectorClient"/> over <see cref="IHttpClientFactory"/>: trusted serviceUrls only, app token on
/// every call (none in anonymous mode), one token refresh + retry on 401, Polly retries for throttling and
/// transient errors, and per-conversation pacing for writes.
/// </summary>
public sealed class BotConnectorClient : IConnectorClient
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used for connector calls.</summary>
    public const string HttpClientName = "SupportBot.Connector";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IAppTokenProvider _tokens;
    private readonly ITrustedServiceUrls _trusted;
    private readonly ConversationRateGate _gate;
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;
    private readonly ILogger<BotConnectorClient> _logger;

    /// <summary>Creates the client.</summary>
    public BotConnectorClient(
        IHttpClientFactory httpClientFactory, IAppTokenProvider tokens, ITrustedServiceUrls trusted, ConversationRateGate gate,
        IOptions<ConnectorClientOptions> options, TimeProvider time, ILogger<BotConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _trusted = trusted;
        _gate = gate;
        _retries = ConnectorRetryPipeline.Create(options.Value, time);
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        WriteAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, conversationId, Body(activity), cancellationToken, "conversations", conversationId, "activities");

    /// <inheritdoc />
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ReplyToId ??= activityId;
        return WriteAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, conversationId, Body(activity), cancellationToken, "conversations", conversationId, "activities", activityId);
    }

    /// <inheritdoc />
    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id ??= activityId;
        return WriteAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, conversationId, Body(activity), cancellationToken, "conversations", conversationId, "activities", activityId);
    }

    /// <inheritdoc />
    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        WriteAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, conversationId, null, cancellationToken, "conversations", conversationId, "activities", activityId);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        await SendAsync<List<ChannelAccount>>(HttpMethod.Get, ConnectorUris.Build(EnsureTrusted(serviceUrl), "conversations", conversationId, "members"), null, cancellationToken)
            .ConfigureAwait(false) ?? [];

    /// <inheritdoc />
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        await SendAsync<ConversationResourceResponse>(HttpMethod.Post, ConnectorUris.Build(EnsureTrusted(serviceUrl), "conversations"),
            JsonSerializer.SerializeToUtf8Bytes(parameters, BotJson.Options), cancellationToken).ConfigureAwait(false) ?? new ConversationResourceResponse();

    private static byte[] Body(Activity activity) => BotJson.SerializeToUtf8Bytes(activity);

    private async Task<T> WriteAsync<T>(HttpMethod method, string serviceUrl, string conversationId, byte[]? body, CancellationToken cancellationToken, params string[] route)
        where T : new()
    {
        var uri = ConnectorUris.Build(EnsureTrusted(serviceUrl), route);
        using var lease = await _gate.AcquireAsync(serviceUrl.TrimEnd('/') + "|" + conversationId, cancellationToken).ConfigureAwait(false);
        return await SendAsync<T>(method, uri, body, cancellationToken).ConfigureAwait(false) ?? new T();
    }

    private string EnsureTrusted(string serviceUrl)
    {
        if (!_trusted.IsTrusted(serviceUrl))
        {
            ConnectorClientLog.Untrusted(_logger, serviceUrl);
            throw new UntrustedServiceUrlException(serviceUrl);
        }

        return serviceUrl;
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(null, cancellationToken).ConfigureAwait(false);
        var response = await SendWithRetriesAsync(method, uri, body, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            // The token may have been revoked or minted for the wrong tenant/audience: one fresh token, one more try.
            ConnectorClientLog.TokenRejected(_logger, method.Method, uri);
            response.Dispose();
            token = await _tokens.GetTokenAsync(token, cancellationToken).ConfigureAwait(false);
            response = await SendWithRetriesAsync(method, uri, body, token, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
                ConnectorClientLog.Failed(_logger, method.Method, uri, (int)response.StatusCode, correlation);
                throw new ConnectorException(response.StatusCode, text, correlation);
            }

            return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, BotJson.Options);
        }
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMethod method, Uri uri, byte[]? body, string? token, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        return await _retries.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(method, uri);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = Json;
            }

            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
