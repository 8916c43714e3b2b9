using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using SupportBot.Agent.Checks;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Net;

/// <summary>
/// Builds a one-shot <see cref="SocketsHttpHandler"/> whose connect callback times DNS and TCP itself and whose
/// certificate callback records the server certificate. Certificate validation is NOT relaxed: an invalid
/// certificate fails the probe, exactly as it would fail the product.
/// </summary>
public static class ProbeHandlerFactory
{
    /// <summary>A handler for one probe; facts and phases go to <paramref name="context"/>.</summary>
    public static SocketsHttpHandler Create(CheckContext context, IWebProxy? proxy)
    {
        long tcpConnectedAt = 0;
        var handler = new SocketsHttpHandler
        {
            UseProxy = proxy is not null,
            Proxy = proxy,
            // Like the browser: a corporate proxy may ask for the user's Windows credentials.
            DefaultProxyCredentials = proxy is null ? null : CredentialCache.DefaultCredentials,
            AllowAutoRedirect = false, // a redirect could lead off the allow-list; we report it instead
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.Zero,
        };
        handler.ConnectCallback = async (connect, ct) =>
        {
            var endPoint = connect.DnsEndPoint;
            context.Fact("connectHost", endPoint.Host);
            var dnsStart = context.Time.GetTimestamp();
            IPAddress[] addresses;
            try
            {
                addresses = IPAddress.TryParse(endPoint.Host, out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(endPoint.Host, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                context.Fact("dnsResolved", false);
                context.Evidence($"DNS: {endPoint.Host} → not resolved ({ex.SocketErrorCode})");
                context.Fact("failedAt", "dns");
                throw;
            }
            context.Phase("dns", context.Since(dnsStart));
            context.Fact("dnsResolved", addresses.Length > 0);
            context.Fact("dnsAddresses", string.Join(",", addresses.Select(a => a.ToString())));
            context.Evidence($"DNS: {endPoint.Host} → {string.Join(", ", addresses.Select(a => a.ToString()))}");

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var tcpStart = context.Time.GetTimestamp();
            try
            {
                await socket.ConnectAsync(addresses, endPoint.Port, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                context.Fact("tcpConnected", false);
                context.Fact("failedAt", "tcp");
                context.Evidence($"TCP: {endPoint.Host}:{endPoint.Port} → not connected ({ex.SocketErrorCode})");
                throw;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            tcpConnectedAt = context.Time.GetTimestamp();
            var tcpTime = context.Since(tcpStart);
            context.Phase("tcp", tcpTime);
            context.Fact("tcpConnected", true);
            context.Fact("tcpMs", Math.Round(tcpTime.TotalMilliseconds, 1));
            context.Evidence($"TCP: {endPoint.Host}:{endPoint.Port} connected ({tcpTime.TotalMilliseconds:0} ms)");
            return new NetworkStream(socket, ownsSocket: true);
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            // Measured from TCP connect to the moment the server certificate arrives (the bulk of the handshake).
            if (tcpConnectedAt != 0) context.Phase("tls", context.Since(tcpConnectedAt));
            RecordCertificate(context, certificate as X509Certificate2 ?? (certificate is null ? null : new X509Certificate2(certificate)), errors);
            return errors == SslPolicyErrors.None;
        };
        return handler;
    }

    private static void RecordCertificate(CheckContext context, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        var valid = errors == SslPolicyErrors.None;
        context.Fact("tlsCertificateValid", valid);
        context.Fact("tlsPolicyErrors", errors.ToString());
        if (certificate is null) return;
        context.Fact("tlsCertificateSubject", certificate.Subject);
        context.Fact("tlsCertificateIssuer", certificate.Issuer);
        context.Fact("tlsCertificateNotAfter", FactValue.Of(new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero)));
        context.Evidence($"TLS: certificate \"{certificate.Subject}\" issued by \"{certificate.Issuer}\", " +
                         $"expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd} UTC, {(valid ? "valid" : "NOT valid: " + errors)}");
    }
}
