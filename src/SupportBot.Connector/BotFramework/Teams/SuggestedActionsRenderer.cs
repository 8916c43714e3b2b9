using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>
/// Renders a message's suggested actions within what the channel can show (protocol.md §7, §8 #21). Within the
/// limits they stay suggested actions; otherwise the choices become hero cards with <c>imBack</c> buttons, which
/// post the same text back, so flows need not know which rendering the user saw.
/// </summary>
public static class SuggestedActionsRenderer
{
    /// <summary>Rewrites <paramref name="activity"/> in place for <paramref name="capability"/>; returns true when it changed.</summary>
    public static bool Render(Activity activity, ChannelCapability capability, bool groupScope)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(capability);
        if (!activity.IsType(ActivityTypes.Message) || activity.SuggestedActions?.Actions is not { Count: > 0 } actions)
        {
            return false;
        }

        if (Fits(actions.Count, activity, capability, groupScope) || !capability.CardImBackButtons)
        {
            return false; // shown as they are (a channel with neither option just drops what it cannot show)
        }

        var perCard = Math.Max(1, capability.MaxCardButtons);
        var cards = actions.Select(AsCardButton).Chunk(perCard)
            .Select(buttons => Attachment.FromContent(AttachmentContentTypes.HeroCard, new { buttons }))
            .ToList();
        activity.Attachments = [.. activity.Attachments ?? [], .. cards];
        activity.AttachmentLayout ??= cards.Count > 1 ? AttachmentLayoutTypes.List : null;
        activity.SuggestedActions = null;
        return true;
    }

    private static bool Fits(int count, Activity activity, ChannelCapability capability, bool groupScope)
        => count <= capability.MaxSuggestedActions
           && (!groupScope || capability.SuggestedActionsInGroups)
           && (activity.Attachments is not { Count: > 0 } || capability.SuggestedActionsWithAttachments);

    // Suggested actions are usually imBack already; anything without a value posts its title back.
    private static CardAction AsCardButton(CardAction action)
        => action.Type is ActionTypes.ImBack or ActionTypes.MessageBack or ActionTypes.OpenUrl or ActionTypes.Invoke or ActionTypes.Signin
            ? action
            : CardAction.ImBack(action.Title ?? action.ValueAsString ?? "", action.ValueAsString ?? action.Title);
}
