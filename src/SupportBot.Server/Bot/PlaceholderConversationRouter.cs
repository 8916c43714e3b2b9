using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Server.Bot;

/// <summary>
/// Stand-in until the flows land: recognises the menu choices (Japanese or English) and answers
/// politely that the guide / the helpdesk hand-off is coming, offering the menu again.
/// </summary>
public sealed class PlaceholderConversationRouter : IConversationRouter
{
    /// <inheritdoc />
    public Task RouteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var texts = BotTexts.For(activity.Locale);
        var said = activity.Text?.Trim() ?? string.Empty;

        var (text, place) = Recognise(said) switch
        {
            Choice.PassageLicense => (string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.GuideComing, texts.PassageLicenseChoice), new SupportBotPlace("root", "passage-license-pending", 0)),
            Choice.LicenseKey => (string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.GuideComing, texts.LicenseKeyChoice), new SupportBotPlace("root", "license-key-pending", 0)),
            Choice.Human => (texts.HandoffComing, new SupportBotPlace("root", "handoff-pending", 0)),
            _ => (texts.NotUnderstood, SupportBotPlace.Welcome),
        };
        var reply = MessageFactory.SuggestedActions(texts.Choices.Select(c => CardAction.ImBack(c)), text, inputHint: InputHints.ExpectingInput);
        return turnContext.SendActivityAsync(place.ApplyTo(reply), cancellationToken);
    }

    private enum Choice
    {
        None,
        PassageLicense,
        LicenseKey,
        Human,
    }

    private static Choice Recognise(string said)
    {
        foreach (var texts in new[] { BotTexts.Japanese, BotTexts.English })
        {
            if (Same(said, texts.PassageLicenseChoice) || said.Contains("ライセンスが確認できません", StringComparison.Ordinal))
            {
                return Choice.PassageLicense;
            }
            if (Same(said, texts.LicenseKeyChoice) || said.Contains("ライセンスキー", StringComparison.Ordinal))
            {
                return Choice.LicenseKey;
            }
            if (Same(said, texts.HumanChoice) || said.Contains("担当者", StringComparison.Ordinal))
            {
                return Choice.Human;
            }
        }
        return Choice.None;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
