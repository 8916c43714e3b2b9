using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportBot.Server.Tests.Agent;

/// <summary>The user's side of dialogs/passage-license.yaml up to its first check question, and what the helper offer shows.</summary>
public static partial class PassagePath
{
    /// <summary>The reachability question (internet-open-page) the helper can answer.</summary>
    public const string ReachabilityQuestion = "「Internet Information Services」と書かれた青い画面が表示されますか";

    /// <summary>The CorpId questions (corp-code-setup / corp-code-var / corp-code-compare).</summary>
    public static readonly string[] CorpIdQuestions = ["名前「CorpId」のデータが企業コードです", "こちらも名前「CorpId」のデータを入力してください", "2 つの値は、どちらも正しい企業コードと同じですか"];

    /// <summary>The version question (passage-version).</summary>
    public const string VersionQuestion = "お使いの Passage のバージョンを教えてください";

    /// <summary>The offer's consent question.</summary>
    public const string OfferQuestion = "ヘルパーを使いますか？";

    /// <summary>Answers the flow from the menu up to the internet license check; returns the bot's last messages (the offer or the question).</summary>
    public static async Task<IReadOnlyList<JsonNode>> ToInternetCheckAsync(HelperChat chat)
    {
        await chat.SayAsync("Passage に『ライセンスが確認できません』と表示される");
        await chat.SayAsync("はい");                  // symptom: the red message is shown
        await chat.SayAsync("12");                    // remaining-days → countdown-ok
        await chat.SayAsync("確認を始める");          // → redraw (a step)
        await chat.SayAsync("いいえ");                // the redraw did not clear it → countdown-check
        await chat.SayAsync("はい、毎日減っています"); // → license-type
        return await chat.SayAsync("インターネットライセンス認証");
    }

    /// <summary>The pairing code and server of the helper command the bot showed.</summary>
    public static (string Code, string Server) Command(IEnumerable<JsonNode> messages)
    {
        foreach (var message in messages)
        {
            if (CommandPattern().Match(HelperChat.Text(message)) is { Success: true } m) return (m.Groups[1].Value, m.Groups[2].Value);
        }
        throw new Xunit.Sdk.XunitException("No helper command among: " + string.Join("\n", messages.Select(HelperChat.Text)));
    }

    [GeneratedRegex(@"supportbot-agent pair ([2-9A-Z]{8}) --server (\S+)")]
    private static partial Regex CommandPattern();
}
