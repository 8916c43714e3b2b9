using System.Diagnostics;

namespace SupportBot.Testing;

/// <summary>What a finished external command printed.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, for failure messages.</summary>
    public string Combined => Stdout + Stderr;
}

/// <summary>Runs real tools (node, npm) from tests: arguments passed verbatim, output captured, killed on timeout.</summary>
public static class ExternalProcess
{
    /// <summary>Runs <paramref name="file"/> in <paramref name="workingDirectory"/> and waits for it.</summary>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (the process tree is killed).</exception>
    public static async Task<ProcessOutput> RunAsync(string file, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A hung tool must not outlive the test run.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }

        return new ProcessOutput(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
