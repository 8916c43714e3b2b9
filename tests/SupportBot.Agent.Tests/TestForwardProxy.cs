using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportBot.Agent.Tests;

/// <summary>
/// A minimal real HTTP forward proxy on 127.0.0.1 for plain-http targets ("GET http://host/path HTTP/1.1"):
/// enough to show that proxy mode "system" really goes through the proxy. One request per connection.
/// </summary>
public sealed class TestForwardProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly Task _loop;
    private int _requests;

    public TestForwardProxy()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync() ?? "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync())) { } // skip the request headers
        Interlocked.Increment(ref _requests);
        var parts = requestLine.Split(' ');
        using var response = await _upstream.SendAsync(new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]));
        var body = await response.Content.ReadAsByteArrayAsync();
        var head = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\nContent-Type: text/html\r\n" +
                   $"Content-Length: {body.Length}\r\nVia: 1.1 test-proxy\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _upstream.Dispose();
    }
}
