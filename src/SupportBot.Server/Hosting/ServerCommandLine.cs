using SupportBot.Flows.Commands;
using SupportBot.Helpdesk.Auth;
using SupportBot.Server.Flows;

namespace SupportBot.Server.Hosting;

/// <summary>
/// Commands run instead of the web host: <c>flows validate|graph …</c> (flow authors; the flow folder is
/// <c>SupportBot__DialogsDir</c> or the nearest <c>dialogs</c>) and <c>helpdesk hash-password</c> (staff accounts).
/// </summary>
public static class ServerCommandLine
{
    /// <summary>Runs the command in <paramref name="args"/>; returns its exit code, or null when there is none (start the web host).</summary>
    public static int? Run(string[] args, TextReader input, TextWriter output, TextWriter error, string? dialogsDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "flows")
        {
            var directory = dialogsDirectory
                ?? DialogsDirectory.Resolve(Environment.GetEnvironmentVariable("SupportBot__DialogsDir"), Directory.GetCurrentDirectory());
            return FlowsCommand.Run(args, output, error, directory);
        }
        if (HelpdeskCommandLine.IsHelpdeskCommand(args))
        {
            return HelpdeskCommandLine.Run(args, input, output, error);
        }
        return null;
    }
}
