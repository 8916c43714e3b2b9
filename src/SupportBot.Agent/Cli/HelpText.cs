using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Cli;

/// <summary>The text printed by <c>--help</c>.</summary>
public static class HelpText
{
    /// <summary>Usage in English (support staff) with a one-line Japanese summary (users).</summary>
    public static string Text { get; } = $"""
        supportbot-agent — SupportBot PC helper (read-only checks) / サポートボットの確認用プログラム

        Usage:
          supportbot-agent pair <code> --server <url> [--config <file>] [--lang ja|en]
              Pair with the chat that shows <code>, then run the checks it asks for until the chat ends,
              Ctrl+C is pressed, or nothing is asked for during the idle timeout (default 15 minutes).
              チャットに表示されたコードを入力すると、サポートボットの依頼で設定を確認します。
          supportbot-agent run-check <kind> [--param name=value]... [--config <file>] [--lang ja|en]
              Run one check here and print its result as JSON (same allow-list as pairing).
          supportbot-agent --help

        Check kinds: {string.Join(", ", CheckKinds.All)}
        The server URL must be https:// (http:// only for 127.0.0.1 / localhost).
        The agent only reads; what it may read is listed in appsettings.json (see README.md).

        Exit codes: 0 chat ended / check passed, 1 failure / check did not pass, 2 usage, 3 idle timeout,
                    4 pairing refused or expired, 130 cancelled.
        """;
}
