using System.Text.Json;

namespace SupportBot.Schema;

/// <summary>Behaviour of <see cref="Activity"/>: replies, conversation references, mentions, typed payloads.</summary>
public partial class Activity
{
    /// <summary>
    /// Creates a message reply: same conversation and channel, <c>from</c>/<c>recipient</c> swapped,
    /// <c>replyToId</c> = this id, locale kept (or <paramref name="locale"/>).
    /// </summary>
    public Activity CreateReply(string? text = null, string? locale = null) => new(ActivityTypes.Message)
    {
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation?.Clone(),
        From = Recipient?.Clone(),
        Recipient = From?.Clone(),
        ReplyToId = Id,
        Locale = locale ?? Locale,
        Text = text,
    };

    /// <summary>The reference to store for proactive messages (this activity as the one to reply to).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From?.Clone(),
        Bot = Recipient?.Clone(),
        Conversation = Conversation?.Clone(),
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this activity from a stored reference. Outgoing (default): from = bot, recipient = user,
    /// replyToId = reference activity. Incoming: from = user, recipient = bot, id = reference activity.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation?.Clone();
        Locale = reference.Locale ?? Locale;
        if (isIncoming)
        {
            From = reference.User?.Clone();
            Recipient = reference.Bot?.Clone();
            Id = reference.ActivityId ?? Id;
        }
        else
        {
            From = reference.Bot?.Clone();
            Recipient = reference.User?.Clone();
            ReplyToId = reference.ActivityId ?? ReplyToId;
        }

        return this;
    }

    /// <summary>True when <see cref="Type"/> equals <paramref name="activityType"/> (ordinal, ignoring case).</summary>
    public bool IsType(string activityType) => string.Equals(Type, activityType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True in group chats and channels: <c>conversation.isGroup</c>, or a Teams <c>groupChat</c>/<c>channel</c> type.
    /// </summary>
    public bool IsGroupConversation()
        => Conversation is { } c && (c.IsGroup == true
            || string.Equals(c.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.ConversationType, "channel", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the message carries something to show: text, attachments or channel data.</summary>
    public bool HasContent()
        => !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrWhiteSpace(Summary)
            || Attachments is { Count: > 0 } || ChannelData is not null;

    /// <summary>The mention entities of this activity.</summary>
    public IReadOnlyList<Mention> GetMentions()
        => Entities is null
            ? []
            : Entities.Where(e => e.IsType(EntityTypes.Mention)).Select(e => e.GetAs<Mention>()).ToList();

    /// <summary>
    /// Removes the @mention of the recipient (the bot) from <see cref="Text"/>, identified by entity
    /// (<c>mentioned.id == recipient.id</c>), then trims spaces and CR/LF. Entities are left untouched.
    /// Returns the new text.
    /// </summary>
    public string? RemoveRecipientMention()
        => Recipient?.Id is { } id ? RemoveMentionText(id) : Text;

    /// <summary>Removes the mention markup of account <paramref name="id"/> from <see cref="Text"/> and trims it.</summary>
    public string? RemoveMentionText(string id)
    {
        if (Text is null)
        {
            return null;
        }

        var text = Text;
        foreach (var mention in GetMentions())
        {
            if (!string.Equals(mention.Mentioned?.Id, id, StringComparison.Ordinal))
            {
                continue;
            }

            var markup = mention.Text ?? $"<at>{mention.Mentioned?.Name}</at>";
            if (markup.Length > 0)
            {
                text = text.Replace(markup, string.Empty, StringComparison.Ordinal);
            }
        }

        Text = text.Trim(' ', '\r', '\n', '\t');
        return Text;
    }

    /// <summary>Reads <see cref="ChannelData"/> as <typeparamref name="T"/>; default when absent.</summary>
    public T? GetChannelData<T>() => ChannelData is { } data ? BotJson.FromElement<T>(data) : default;

    /// <summary>Reads <see cref="ChannelData"/> as <typeparamref name="T"/>; false when absent or not convertible.</summary>
    public bool TryGetChannelData<T>(out T? value)
    {
        value = default;
        if (ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return false;
        }

        try
        {
            value = BotJson.FromElement<T>(data);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Sets <see cref="ChannelData"/> from any value serialised with <see cref="BotJson.Options"/>.</summary>
    public Activity SetChannelData<T>(T value)
    {
        ChannelData = BotJson.ToElement(value);
        return this;
    }

    /// <summary>Reads <see cref="Value"/> as <typeparamref name="T"/>; default when absent.</summary>
    public T? GetValue<T>() => Value is { } value ? BotJson.FromElement<T>(value) : default;

    /// <summary>A deep copy via JSON (outgoing activities are copied before the adapter stamps ids on them).</summary>
    public Activity Clone()
        => BotJson.FromElement<Activity>(BotJson.ToElement(this)) ?? new Activity();
}
