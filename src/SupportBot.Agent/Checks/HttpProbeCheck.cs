using System.Net;
using System.Security.Authentication;
using System.Text;
using SupportBot.Agent.Contracts;
using SupportBot.Agent.Net;

namespace SupportBot.Agent.Checks;

/// <summary>
/// <c>http-probe</c>: GET one allow-listed URL and report DNS, TCP, TLS, HTTP status and whether the page is the
/// IIS default page ("Internet Information Services"), with or without the system proxy.
/// Parameters: <c>url</c>, <c>proxyMode</c> (system|none, default system), <c>expectIisPage</c> (true|false, default false).
/// Pass = an HTTP 2xx answer (and the IIS page when expected).
/// </summary>
public sealed class HttpProbeCheck(ISystemProxy systemProxy) : ICheck
{
    /// <summary>The marker text of the IIS default page users are asked to look for.</summary>
    public const string IisMarker = "Internet Information Services";

    private const int MaxBodyBytes = 256 * 1024; // enough for any default page; the body itself is never reported

    /// <inheritdoc />
    public string Kind => CheckKinds.HttpProbe;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var url = ProbeTarget.AllowedUrl(context);
        var proxy = ProbeTarget.ChooseProxy(context, url, systemProxy);
        var expectIis = string.Equals(context.Optional("expectIisPage"), "true", StringComparison.OrdinalIgnoreCase);
        var start = context.Time.GetTimestamp();
        context.Fact("reachable", false);
        try
        {
            using var client = new HttpClient(ProbeHandlerFactory.Create(context, proxy)) { Timeout = Timeout.InfiniteTimeSpan };
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd($"supportbot-agent/{CheckRunner.AgentVersion}");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (url.Scheme == Uri.UriSchemeHttps) context.Fact("tlsHandshake", true);
            context.Phase("http", context.Since(start));
            RecordResponse(context, response);
            var isIis = await BodyContainsMarkerAsync(response, cancellationToken).ConfigureAwait(false);
            context.Fact("iisDefaultPage", isIis);
            context.Evidence(isIis ? $"Page: contains \"{IisMarker}\" (IIS default page)" : $"Page: does not contain \"{IisMarker}\"");
            var ok = response.IsSuccessStatusCode && (!expectIis || isIis);
            context.Status = ok ? CheckStatus.Pass : CheckStatus.Fail;
            if (!ok) context.Reason = !response.IsSuccessStatusCode ? $"HTTP {(int)response.StatusCode}" : "Not the IIS default page.";
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            RecordFailure(context, url, proxy is not null, ex);
        }
        finally
        {
            context.Phase("total", context.Since(start));
            context.Fact("totalMs", Math.Round(context.Since(start).TotalMilliseconds, 1));
        }
    }

    private static void RecordResponse(CheckContext context, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        context.Fact("reachable", true);
        context.Fact("httpStatus", status);
        context.Evidence($"HTTP: {status} {response.ReasonPhrase}");
        if (response.Headers.Location is { } location)
        {
            context.Fact("redirectLocation", location.ToString());
            context.Evidence($"HTTP: redirects to {location} (not followed)");
        }
    }

    private static async Task<bool> BodyContainsMarkerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false)) > 0)
            total += read;
        var text = Encoding.UTF8.GetString(buffer, 0, total);
        return text.Contains(IisMarker, StringComparison.OrdinalIgnoreCase);
    }

    private static void RecordFailure(CheckContext context, Uri url, bool viaProxy, HttpRequestException ex)
    {
        context.Status = CheckStatus.Fail;
        if (!context.HasFact("failedAt"))
        {
            var stage = ex.InnerException is AuthenticationException || ex.HttpRequestError == HttpRequestError.SecureConnectionError
                ? "tls"
                : ex.HttpRequestError == HttpRequestError.ProxyTunnelError ? "proxy" : "http";
            context.Fact("failedAt", stage);
            if (stage == "tls") context.Fact("tlsHandshake", false);
        }
        var failedAt = context.GetFact("failedAt")?.Text ?? "http";
        if (viaProxy && failedAt is "dns" or "tcp") context.Fact("failedAt", "proxy");
        context.Reason = $"{(viaProxy ? "Through the proxy: " : "")}{ex.HttpRequestError}: {ex.Message}";
        context.Evidence($"HTTP: no answer from {url.Host} ({ex.HttpRequestError})");
    }
}
