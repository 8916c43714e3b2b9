using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SupportBot.Testing;

/// <summary>
/// A real, separately started host process: <c>dotnet &lt;dll&gt; --urls http://127.0.0.1:&lt;free port&gt;</c> with the
/// given environment, ready once <c>/readyz</c> answers 200. Its output is kept (last lines) for failure messages.
/// <see cref="Kill"/> is a kill -9; disposing stops whatever is still running.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The name given at start (for messages).</summary>
    public string Name { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The operating system's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its last lines of standard output and error, for failure messages.</summary>
    public string RecentOutput => $"--- {Name} (port {Port}) ---\n" + string.Join('\n', _output);

    /// <summary>
    /// Starts <paramref name="dll"/> with <c>dotnet</c> in <paramref name="workingDirectory"/> on a free loopback port
    /// and waits until <c>/readyz</c> answers 200. A lost race for the port is retried on another one.
    /// </summary>
    /// <exception cref="InvalidOperationException">It exited or was not ready within <paramref name="readyTimeout"/>.</exception>
    public static async Task<ServerProcess> StartAsync(
        string name, string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan readyTimeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(name, dll, workingDirectory, environment, FreeLoopbackPort());
            try
            {
                await server.WaitUntilReadyAsync(readyTimeout).ConfigureAwait(false);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.HasExited)
            {
                await server.DisposeAsync().ConfigureAwait(false); // e.g. the port was taken meanwhile
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the process at once (SIGKILL, as <c>kill -9</c>): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed already; nothing more can be done from here.
        }
        _process.Dispose();
    }

    private static ServerProcess Launch(string name, string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, int port)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, name, port);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start dotnet {dll}.");
        }
        // Drained continuously: a full pipe would block the server's logging.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"{Name} was not ready within {timeout}.\n{RecentOutput}");
    }
}
