namespace SupportBot.Agent.Cli;

/// <summary>The parsed command line.</summary>
/// <param name="Command">pair, run-check or help.</param>
/// <param name="Argument">The pairing code or the check kind.</param>
/// <param name="Server">--server URL (pair).</param>
/// <param name="ConfigPath">--config path (overrides appsettings.json next to the program).</param>
/// <param name="Language">--lang ja|en (default: the OS UI language).</param>
/// <param name="Parameters">--param k=v pairs (run-check).</param>
/// <param name="Error">Why the command line is not usable, or null.</param>
public sealed record CommandLine(
    string Command, string? Argument, string? Server, string? ConfigPath, string? Language,
    IReadOnlyDictionary<string, string> Parameters, string? Error = null)
{
    /// <summary>Command name: pair with a conversation.</summary>
    public const string Pair = "pair";

    /// <summary>Command name: run one check locally.</summary>
    public const string RunCheck = "run-check";

    /// <summary>Command name: show help.</summary>
    public const string Help = "help";

    /// <summary>Parses <paramref name="args"/>; never throws (problems go to <see cref="Error"/>).</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        string? server = null, config = null, language = null, command = null, argument = null, error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--help" or "-h" or "/?" or "help": command = Help; break;
                case "--server": server = Next() ?? (error = "--server needs a URL"); break;
                case "--config": config = Next() ?? (error = "--config needs a path"); break;
                case "--lang": language = Next() ?? (error = "--lang needs ja or en"); break;
                case "--param":
                    var pair = Next();
                    var eq = pair?.IndexOf('=') ?? -1;
                    if (pair is null || eq <= 0) error = "--param needs name=value";
                    else parameters[pair[..eq]] = pair[(eq + 1)..];
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) error = $"Unknown option {arg}";
                    else if (command is null) command = arg;
                    else if (argument is null) argument = arg;
                    else error = $"Unexpected argument {arg}";
                    break;
            }
        }
        command ??= Help;
        if (error is null && command is not (Pair or RunCheck or Help)) error = $"Unknown command {command}";
        if (error is null && command == Pair && (argument is null || server is null)) error = "Usage: pair <code> --server <url>";
        if (error is null && command == RunCheck && argument is null) error = "Usage: run-check <kind> [--param name=value]...";
        return new CommandLine(command, argument, server, config, language, parameters, error);
    }
}
