using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Polly;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Session;

/// <summary>The three calls of the agent HTTP contract. Outbound only; every call retried on transient errors.</summary>
public sealed class AgentServerClient(HttpClient http, Uri server, ResiliencePipeline<HttpResponseMessage> retry)
{
    /// <summary>POST /api/agent/pair. Throws <see cref="ServerRejectedException"/> when the code is refused.</summary>
    public async Task<PairResponse> PairAsync(string code, string os, CancellationToken ct)
    {
        var body = new PairRequest(code, Checks.CheckRunner.AgentVersion, os);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(server, AgentContract.PairPath))
        {
            Content = JsonContent.Create(body, AgentJsonContext.Default.PairRequest),
        }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new ServerRejectedException(response.StatusCode);
        return await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.PairResponse, ct).ConfigureAwait(false)
            ?? throw new ServerRejectedException(response.StatusCode);
    }

    /// <summary>GET the poll URL with <c>wait</c>: jobs (200), none (204) or the conversation ended (410).</summary>
    public async Task<PollOutcome> PollAsync(PairResponse pairing, int waitSeconds, CancellationToken ct)
    {
        var url = WithWait(Resolve(pairing.PollUrl), waitSeconds);
        using var response = await SendAsync(() => Authorized(HttpMethod.Get, url, pairing), ct).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Gone: return PollOutcome.Ended;
            case HttpStatusCode.NoContent: return PollOutcome.NoJobs;
            case HttpStatusCode.OK:
                var jobs = await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.JobPollResponse, ct).ConfigureAwait(false);
                return jobs is { Jobs.Count: > 0 } ? PollOutcome.WithJobs(jobs) : PollOutcome.NoJobs;
            default: throw new ServerRejectedException(response.StatusCode);
        }
    }

    /// <summary>POST one result. Returns false when the server says the conversation ended (410).</summary>
    public async Task<bool> PostResultAsync(PairResponse pairing, CheckResult result, CancellationToken ct)
    {
        var url = Resolve(pairing.ResultUrl);
        using var response = await SendAsync(() =>
        {
            var request = Authorized(HttpMethod.Post, url, pairing);
            request.Content = JsonContent.Create(result, AgentJsonContext.Default.CheckResult);
            return request;
        }, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Gone) return false;
        if (!response.IsSuccessStatusCode) throw new ServerRejectedException(response.StatusCode);
        return true;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken ct) =>
        await retry.ExecuteAsync(async token =>
        {
            using var request = createRequest(); // a request message cannot be sent twice: build one per attempt
            return await http.SendAsync(request, token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

    private static HttpRequestMessage Authorized(HttpMethod method, Uri url, PairResponse pairing)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pairing.AgentToken);
        return request;
    }

    // Poll and result URLs from the server must stay on the server the user typed: no redirecting the token elsewhere.
    private Uri Resolve(string url)
    {
        var resolved = new Uri(server, url);
        if (!string.Equals(resolved.GetLeftPart(UriPartial.Authority), server.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The server sent a URL on another host: {resolved.GetLeftPart(UriPartial.Authority)}");
        return resolved;
    }

    private static Uri WithWait(Uri url, int waitSeconds)
    {
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + "wait=" + waitSeconds;
        return builder.Uri;
    }
}

/// <summary>What one long-poll returned.</summary>
/// <param name="Kind">Jobs, none, or conversation ended.</param>
/// <param name="Response">The jobs when <paramref name="Kind"/> is <see cref="PollKind.Jobs"/>.</param>
public sealed record PollOutcome(PollKind Kind, JobPollResponse? Response = null)
{
    /// <summary>204: nothing to do yet.</summary>
    public static PollOutcome NoJobs { get; } = new(PollKind.NoJobs);

    /// <summary>410: the conversation ended.</summary>
    public static PollOutcome Ended { get; } = new(PollKind.Ended);

    /// <summary>200 with jobs.</summary>
    public static PollOutcome WithJobs(JobPollResponse response) => new(PollKind.Jobs, response);
}

/// <summary>Kinds of <see cref="PollOutcome"/>.</summary>
public enum PollKind
{
    /// <summary>Jobs to run.</summary>
    Jobs,
    /// <summary>No jobs within the wait.</summary>
    NoJobs,
    /// <summary>The conversation ended; the agent exits.</summary>
    Ended,
}

/// <summary>The server answered with a non-retryable error status (e.g. 400/401/403/404/423).</summary>
public sealed class ServerRejectedException(HttpStatusCode status) : Exception($"The server answered {(int)status} {status}.")
{
    /// <summary>The status code.</summary>
    public HttpStatusCode Status { get; } = status;
}
