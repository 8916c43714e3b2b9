using SupportBot.Flows.Inputs;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Text;

/// <summary>What the bot says back about a typed license key: masked form, removed separators, look-alike characters.</summary>
public static class LicenseKeyFeedback
{
    /// <summary>One message in the conversation's language; never contains the whole key.</summary>
    public static string Describe(LicenseKey key, string? locale)
    {
        var en = Locales.IsEnglish(locale);
        var lines = new List<string>
        {
            en ? $"Thank you. I've kept only a masked form of the key ({key.Masked})."
               : $"ありがとうございます。キーは伏せ字 ({key.Masked}) にして扱います。",
        };
        if (key.HadSeparators)
        {
            lines.Add(en ? "I removed the spaces and hyphens. On the activation screen, type the key without them too."
                         : "スペースやハイフンは取り除きました。認証の画面でも、スペースやハイフンを入れずに入力してください。");
        }
        if (key.LookAlikes.Count > 0)
        {
            var items = key.LookAlikes.Select(l =>
            {
                var (ja, enName) = LicenseKey.LookAlikeNames[l.Character];
                return en ? $"character {l.Position}: \"{l.Character}\" ({enName})" : $"{l.Position} 文字目「{l.Character}」({ja})";
            });
            lines.Add(en ? "These characters are easy to mix up: " + string.Join(", ", items) + "."
                         : "見分けにくい文字があります。" + string.Join("、", items) + "。");
        }
        return string.Join("\n", lines);
    }
}
