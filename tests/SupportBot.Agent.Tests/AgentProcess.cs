using System.Diagnostics;
using System.Text;

namespace SupportBot.Agent.Tests;

/// <summary>Runs the real <c>supportbot-agent.dll</c> with <c>dotnet</c> and collects its output.</summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public string Output { get { lock (_output) return _output.ToString(); } }
    public Task Connected => _connected.Task;

    public static AgentProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supportbot-agent.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var agent = new AgentProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        agent._process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.Start();
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        return agent;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("サポートボットと接続しました") || line.StartsWith("Connected to the support bot")) _connected.TrySetResult();
    }

    /// <summary>Waits for exit; kills the process and fails when it takes longer than <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The agent did not exit within {limit}. Output:\n{Output}");
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
        using var kill = Process.Start("kill", [signal, _process.Id.ToString()]);
        kill.WaitForExit();
    }

    private static bool SigIntIsIgnoredByInheritance()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is null) return false;
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (2 - 1))) != 0; // bit for signal 2 (SIGINT)
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
