namespace SupportBot.Helpdesk.Relay;

/// <summary>What the user reads from the helpdesk, in Japanese (default) or English (locale <c>en*</c>).</summary>
public static class HelpdeskTexts
{
    /// <summary>The rating scale offered as quick replies.</summary>
    public static IReadOnlyList<string> RatingScale { get; } = ["1", "2", "3", "4", "5"];

    /// <summary>Whether <paramref name="locale"/> selects English.</summary>
    public static bool IsEnglish(string? locale) => locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Told when the ticket is created (the flow has usually just said it is handing over, so this does not repeat it).</summary>
    public static string TicketCreated(string number, string? locale) => IsEnglish(locale)
        ? $"Your request for the helpdesk is registered. Your ticket number is {number}. Please stay in this chat; a member of staff will join."
        : $"担当者への引き継ぎを受け付けました。受付番号は {number} です。担当者が参加するまで、このままお待ちください。";

    /// <summary>Told when staff claim the ticket.</summary>
    public static string StaffJoined(string staffName, string? locale) => IsEnglish(locale)
        ? $"A member of staff has joined ({staffName}). You can now chat with them here."
        : $"担当者が参加しました（{staffName}）。このままチャットでご相談ください。";

    /// <summary>Told when staff close the ticket: asks for the rating.</summary>
    public static string ClosedAskRating(string number, string? locale) => IsEnglish(locale)
        ? $"The staff member has closed ticket {number}. How was our help? Please answer from 1 (poor) to 5 (excellent)."
        : $"受付番号 {number} の対応を終了しました。今回の対応はいかがでしたか？ 1（不満）〜5（満足）でお答えください。";

    /// <summary>Told after the rating.</summary>
    public static string RatingThanks(string? locale) => IsEnglish(locale)
        ? "Thank you for your rating."
        : "ご評価ありがとうございました。";

    /// <summary>Told once when nobody claimed in time.</summary>
    public static string ClaimTimeout(string number, string contact, string? locale) => IsEnglish(locale)
        ? $"Your ticket {number} is still open and waiting for a member of staff. {contact}"
        : $"受付番号 {number} のお問い合わせは引き続き受け付けています。{contact}";

    /// <summary>Reads a 1–5 rating (half- or full-width digit, or stars); null when the text is not one.</summary>
    public static int? ParseRating(string? text)
    {
        var trimmed = text?.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.All(c => c == '★'))
        {
            return trimmed.Length is >= 1 and <= 5 ? trimmed.Length : null;
        }
        return trimmed.Length == 1 && trimmed[0] is >= '1' and <= '5' ? trimmed[0] - '0' : null;
    }
}
