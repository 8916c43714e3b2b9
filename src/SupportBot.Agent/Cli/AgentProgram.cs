using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SupportBot.Agent.Checks;
using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;
using SupportBot.Agent.Security;
using SupportBot.Agent.Session;
using SupportBot.Agent.Ui;

namespace SupportBot.Agent.Cli;

/// <summary>Entry point logic: parse, load configuration, run the command, return the exit code.</summary>
public static class AgentProgram
{
    /// <summary>Runs the program with <paramref name="args"/>; output goes to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args);
        if (line.Error is not null)
        {
            await errors.WriteLineAsync(line.Error + Environment.NewLine + "(supportbot-agent --help)").ConfigureAwait(false);
            return (int)SessionExit.Usage;
        }
        if (line.Command == CommandLine.Help)
        {
            await output.WriteLineAsync(HelpText.Text).ConfigureAwait(false);
            return 0;
        }

        AgentOptions options;
        try
        {
            options = AgentOptionsLoader.Load(line.ConfigPath);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Configuration problem: {ex.Message}").ConfigureAwait(false);
            return (int)SessionExit.Usage;
        }

        var time = TimeProvider.System;
        var progress = new ProgressWriter(output, AgentMessages.For(line.Language, CultureInfo.CurrentUICulture), options.AllowList);
        var runner = CheckCatalog.CreateRunner(options, time);
        return line.Command == CommandLine.Pair
            ? await PairAsync(line, options, runner, progress, time, errors, cancellationToken).ConfigureAwait(false)
            : await RunCheckAsync(line, runner, progress, output, time, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> PairAsync(CommandLine line, AgentOptions options, CheckRunner runner, ProgressWriter progress,
        TimeProvider time, TextWriter errors, CancellationToken ct)
    {
        var server = ServerUrlPolicy.Validate(line.Server, out var reason);
        if (server is null)
        {
            await errors.WriteLineAsync(reason).ConfigureAwait(false);
            return (int)SessionExit.Usage;
        }
        // The long-poll holds a request open for PollWaitSeconds; allow generous slack on top.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.PollWaitSeconds + 30) };
        var client = new AgentServerClient(http, server, ServerRetry.Create(time));
        var session = new AgentSession(client, runner, options, progress, time);
        return (int)await session.RunAsync(line.Argument!, ct).ConfigureAwait(false);
    }

    private static async Task<int> RunCheckAsync(CommandLine line, CheckRunner runner, ProgressWriter progress, TextWriter output,
        TimeProvider time, CancellationToken ct)
    {
        var job = new CheckRequest("local-" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            line.Argument!, line.Parameters, time.GetUtcNow().AddMinutes(1));
        progress.Starting(job);
        CheckResult result;
        try
        {
            result = await runner.RunAsync(job, untilDeadline: null, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            progress.Say(progress.Messages.Cancelled);
            return (int)SessionExit.Cancelled;
        }
        progress.Finished(result);
        var json = JsonSerializer.Serialize(result, new AgentJsonContext(new JsonSerializerOptions(AgentJsonContext.Default.Options)
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable Japanese/quotes on a console
        }).CheckResult);
        await output.WriteLineAsync(json).ConfigureAwait(false);
        return result.Status == CheckStatus.Pass ? 0 : 1;
    }

    /// <summary>Makes Japanese print correctly on a Windows console.</summary>
    public static void PrepareConsole()
    {
        if (OperatingSystem.IsWindows()) Console.OutputEncoding = Encoding.UTF8;
    }

    /// <summary>Cancels <paramref name="cts"/> on Ctrl+C and SIGTERM instead of killing the process.</summary>
    public static IDisposable[] CancelOnSignals(CancellationTokenSource cts)
    {
        void Handler(PosixSignalContext context)
        {
            context.Cancel = true; // let the session say goodbye and exit with 130
            cts.Cancel();
        }
        return [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handler), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handler)];
    }
}
