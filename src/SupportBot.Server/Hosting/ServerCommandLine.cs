using SupportBot.Flows.Commands;
using SupportBot.Server.Flows;

namespace SupportBot.Server.Hosting;

/// <summary>
/// Commands run instead of the web host: <c>flows validate|graph …</c> (flow authors) and
/// <c>helpdesk hash-password</c> (staff accounts).
/// </summary>
public static class ServerCommandLine
{
    /// <summary>Runs the command in <paramref name="args"/> if there is one; returns false to start the web host.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(args);
        exitCode = 0;
        if (args.Length == 0)
        {
            return false;
        }
        if (args[0] == "flows")
        {
            var configured = Environment.GetEnvironmentVariable("SupportBot__DialogsDir");
            exitCode = FlowsCommand.Run(args, Console.Out, Console.Error, DialogsDirectory.Resolve(configured, Directory.GetCurrentDirectory()));
            return true;
        }
        return false;
    }
}
