using SupportBot.Agent.Contracts;
using SupportBot.Agent.Net;

namespace SupportBot.Agent.Checks;

/// <summary>
/// <c>clock-skew</c>: this PC's clock against the <c>Date</c> header of an allow-listed server. Parameters: <c>url</c>,
/// optional <c>proxyMode</c> (system|none), optional <c>maxSkewSeconds</c> (default 300). The header has one-second
/// resolution, so the local time is taken at the middle of the round trip. Positive skew = this PC is ahead.
/// Pass = |skew| within the limit.
/// </summary>
public sealed class ClockSkewCheck(ISystemProxy systemProxy) : ICheck
{
    /// <inheritdoc />
    public string Kind => CheckKinds.ClockSkew;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var url = ProbeTarget.AllowedUrl(context);
        var proxy = ProbeTarget.ChooseProxy(context, url, systemProxy);
        var maxSkew = double.TryParse(context.Optional("maxSkewSeconds"), System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 300;

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = proxy is not null, Proxy = proxy, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var sent = context.Time.GetUtcNow();
        var start = context.Time.GetTimestamp();
        var response = await SendAsync(client, url, HttpMethod.Head, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.MethodNotAllowed)
        {
            // Some servers refuse HEAD; a GET's headers carry the same Date (the body is not read).
            response.Dispose();
            sent = context.Time.GetUtcNow();
            start = context.Time.GetTimestamp();
            response = await SendAsync(client, url, HttpMethod.Get, cancellationToken).ConfigureAwait(false);
        }
        using var _ = response;
        var roundTrip = context.Since(start);
        context.Phase("http", roundTrip);
        context.Fact("roundTripMs", Math.Round(roundTrip.TotalMilliseconds, 1));

        if (response.Headers.Date is not { } serverDate)
        {
            context.Status = CheckStatus.Error;
            context.Reason = "The server sent no Date header.";
            return;
        }
        var local = sent + roundTrip / 2;
        var skew = Math.Round((local - serverDate).TotalSeconds, 1);
        context.Fact("serverDate", FactValue.Of(serverDate));
        context.Fact("localDate", FactValue.Of(local));
        context.Fact("skewSeconds", skew);
        context.Fact("maxSkewSeconds", maxSkew);
        var within = Math.Abs(skew) <= maxSkew;
        context.Fact("withinLimit", within);
        context.Evidence($"Clock: server {serverDate:u}, this PC {local:u}, difference {skew:+0.0;-0.0;0} s (limit ±{maxSkew} s)");
        context.Status = within ? CheckStatus.Pass : CheckStatus.Fail;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, HttpMethod method, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }
}
