using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>Shortcuts for building outgoing message activities.</summary>
public static class MessageFactory
{
    /// <summary>A text message.</summary>
    public static Activity Text(string? text, string? speak = null, string? inputHint = InputHints.AcceptingInput) => new(ActivityTypes.Message)
    {
        Text = text,
        Speak = speak,
        InputHint = inputHint,
    };

    /// <summary>A text message with <c>imBack</c> suggested actions, one per choice.</summary>
    public static Activity SuggestedActions(IEnumerable<string> choices, string? text = null, string? speak = null, string? inputHint = null)
        => SuggestedActions(choices.Select(c => CardAction.ImBack(c)), text, speak, inputHint);

    /// <summary>A text message with the given suggested actions.</summary>
    public static Activity SuggestedActions(IEnumerable<CardAction> actions, string? text = null, string? speak = null, string? inputHint = null)
    {
        var message = Text(text, speak, inputHint);
        message.SuggestedActions = new SuggestedActions(actions);
        return message;
    }

    /// <summary>A message carrying one attachment.</summary>
    public static Activity Attachment(Attachment attachment, string? text = null, string? speak = null, string? inputHint = null)
        => Attachment([attachment], text, speak, inputHint);

    /// <summary>A message carrying attachments as a list.</summary>
    public static Activity Attachment(IEnumerable<Attachment> attachments, string? text = null, string? speak = null, string? inputHint = null)
    {
        var message = Text(text, speak, inputHint);
        message.AttachmentLayout = AttachmentLayoutTypes.List;
        message.Attachments = attachments.ToList();
        return message;
    }

    /// <summary>A message carrying attachments as a carousel.</summary>
    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null, string? speak = null, string? inputHint = null)
    {
        var message = Attachment(attachments, text, speak, inputHint);
        message.AttachmentLayout = AttachmentLayoutTypes.Carousel;
        return message;
    }
}
