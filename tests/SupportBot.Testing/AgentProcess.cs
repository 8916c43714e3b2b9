using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SupportBot.Testing;

/// <summary>
/// Runs the real <c>supportbot-agent.dll</c> with <c>dotnet</c> and collects what it prints. The test project
/// references <c>src/SupportBot.Agent</c>, so the program is built into the test's output folder.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentProcess(Process process) => _process = process;

    /// <summary>The operating system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Everything printed so far (stdout and stderr, line by line).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Completes when the agent printed that it is connected (paired) to the bot, in either language.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet supportbot-agent.dll</c> with <paramref name="args"/> passed verbatim.</summary>
    public static AgentProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts the agent with extra environment variables (e.g. <c>http_proxy</c>, the "system proxy" on Linux).</summary>
    public static AgentProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supportbot-agent.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var agent = new AgentProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        agent._process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.Start();
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Waits for exit and returns the exit code.</summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="limit"/> (it is killed; the message has its output).</exception>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The agent did not exit within {limit}. Output:\n{Output}");
        }
        _process.WaitForExit(); // flush the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>
    /// Sends SIGINT, as Ctrl+C in a terminal does. When this test run was started as a background job of a
    /// non-interactive shell, SIGINT is ignored by inheritance and cannot reach the agent at all; then SIGTERM,
    /// which the agent handles on the same path, stands in for it.
    /// </summary>
    public void Interrupt()
    {
        var signal = SigIntIsIgnoredByInheritance() ? "-TERM" : "-INT";
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Kills the agent (as if the user closed its window) and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("サポートボットと接続しました", StringComparison.Ordinal) || line.StartsWith("Connected to the support bot", StringComparison.Ordinal))
        {
            _connected.TrySetResult();
        }
    }

    private static bool SigIntIsIgnoredByInheritance()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is null)
        {
            return false;
        }
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (2 - 1))) != 0; // bit for signal 2 (SIGINT)
    }
}
