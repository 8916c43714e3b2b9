using SupportBot.Schema;

namespace SupportBot.Dialogs.Choices;

/// <summary>Renders choices onto a prompt activity in a <see cref="ListStyle"/>.</summary>
public static class ChoiceFactory
{
    /// <summary>
    /// A copy of <paramref name="prompt"/> (or a new message) showing <paramref name="choices"/>;
    /// <see cref="ListStyle.Auto"/> renders suggested actions.
    /// </summary>
    public static Activity AppendChoices(Activity? prompt, IReadOnlyList<Choice> choices, ListStyle style, PromptCulture culture)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var message = prompt?.Clone() ?? new Activity(ActivityTypes.Message);
        message.Type ??= ActivityTypes.Message;
        if (choices.Count == 0)
        {
            return message;
        }

        switch (style)
        {
            case ListStyle.None:
                break;
            case ListStyle.Inline:
                message.Text = Join(message.Text, " ", Inline(choices, culture));
                break;
            case ListStyle.List:
                message.Text = Join(message.Text, "\n\n", string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Value}")));
                break;
            case ListStyle.HeroCard:
                (message.Attachments ??= []).Add(HeroCard(choices, message.Text));
                message.Text = null;
                break;
            default:
                message.SuggestedActions = new SuggestedActions(choices.Select(ToAction));
                break;
        }

        return message;
    }

    /// <summary>"(1) A、 (2) B または (3) C" (Japanese) / "(1) A, (2) B, or (3) C" (English).</summary>
    public static string Inline(IReadOnlyList<Choice> choices, PromptCulture culture)
    {
        var parts = choices.Select((c, i) => $"({i + 1}) {c.Value}").ToList();
        return parts.Count switch
        {
            1 => parts[0],
            2 => parts[0] + culture.InlineOr + parts[1],
            _ => string.Join(culture.InlineSeparator, parts.Take(parts.Count - 1)) + culture.InlineOrMore + parts[^1],
        };
    }

    /// <summary>A hero card with <paramref name="text"/> and one button per choice.</summary>
    public static Attachment HeroCard(IReadOnlyList<Choice> choices, string? text)
        => Attachment.FromContent(AttachmentContentTypes.HeroCard, new HeroCardContent(text, choices.Select(ToAction).ToList()));

    /// <summary>The button of a choice: its custom action, or imBack of its value.</summary>
    public static CardAction ToAction(Choice choice) => choice.Action ?? CardAction.ImBack(choice.Value);

    private static string Join(string? text, string separator, string addition)
        => string.IsNullOrEmpty(text) ? addition : text + separator + addition;

    private sealed record HeroCardContent(string? Text, List<CardAction> Buttons);
}
