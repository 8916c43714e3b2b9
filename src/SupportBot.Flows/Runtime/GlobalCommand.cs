using SupportBot.Flows.Text;

namespace SupportBot.Flows.Runtime;

/// <summary>Commands that work in every state.</summary>
public enum GlobalCommand
{
    /// <summary>最初から / restart.</summary>
    Restart,

    /// <summary>キャンセル / cancel.</summary>
    Cancel,

    /// <summary>戻る / back (one step, slots restored).</summary>
    Back,

    /// <summary>ヘルプ / help.</summary>
    Help,

    /// <summary>担当者と話したい / talk to a person.</summary>
    Human,
}

/// <summary>Recognises global commands: the whole message (normalised) must be one of the phrases.</summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Phrases = Build(new()
    {
        [GlobalCommand.Restart] = ["最初から", "最初からやり直す", "はじめから", "やり直す", "リスタート", "restart", "start over", "start again"],
        [GlobalCommand.Cancel] = ["キャンセル", "やめる", "やめます", "中止", "終了", "cancel", "quit", "stop", "exit"],
        [GlobalCommand.Back] = ["戻る", "もどる", "一つ前", "前に戻る", "1つ前に戻る", "back", "go back", "previous"],
        [GlobalCommand.Help] = ["ヘルプ", "助けて", "使い方", "help", "?", "？"],
        [GlobalCommand.Human] = ["担当者と話したい", "担当者", "担当者につないで", "人と話したい", "オペレーター", "有人対応",
            "talk to a person", "talk to someone", "human", "agent", "operator", "person"],
    });

    /// <summary>The command the text is, or null.</summary>
    public static GlobalCommand? Recognize(string? text)
    {
        var key = TextNormalizer.ForMatching(text);
        if (key.Length == 0 && text?.Trim() is "?" or "？") return GlobalCommand.Help;
        return Phrases.TryGetValue(key, out var command) ? command : null;
    }

    private static Dictionary<string, GlobalCommand> Build(Dictionary<GlobalCommand, string[]> table) =>
        table.SelectMany(p => p.Value.Select(v => (Phrase: TextNormalizer.ForMatching(v), Command: p.Key)))
            .Where(p => p.Phrase.Length > 0)
            .ToDictionary(p => p.Phrase, p => p.Command);
}
