using System.Net;
using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>
/// An <see cref="IBot"/> that dispatches each activity type to a virtual method. Override the ones you need;
/// the defaults do nothing (invoke answers 501).
/// </summary>
public class ActivityHandler : IBot
{
    /// <inheritdoc />
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Invoke:
                var response = await InvokeSafelyAsync(turnContext, cancellationToken).ConfigureAwait(false);
                await SendInvokeResponseAsync(turnContext, response, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Typing:
                await OnTypingActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.EndOfConversation:
                await OnEndOfConversationActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.MessageReaction:
                await OnMessageReactionActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A user message.</summary>
    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Members joined or left; calls <see cref="OnMembersAddedAsync"/>/<see cref="OnMembersRemovedAsync"/> without the bot itself.</summary>
    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        var added = activity.MembersAdded?.Where(m => m.Id != botId).ToList();
        if (added is { Count: > 0 })
        {
            await OnMembersAddedAsync(added, turnContext, cancellationToken).ConfigureAwait(false);
        }

        var removed = activity.MembersRemoved?.Where(m => m.Id != botId).ToList();
        if (removed is { Count: > 0 })
        {
            await OnMembersRemovedAsync(removed, turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Members other than the bot joined (the place for a welcome message).</summary>
    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Members other than the bot left.</summary>
    protected virtual Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A named event (e.g. <c>webchat/join</c>, <c>agent.result</c>).</summary>
    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A named request that needs a synchronous answer. Default: 501 Not Implemented.</summary>
    protected virtual Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => Task.FromResult(new InvokeResponse { Status = (int)HttpStatusCode.NotImplemented });

    /// <summary>The user is typing.</summary>
    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The conversation ended.</summary>
    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The bot was installed or uninstalled.</summary>
    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A reaction was added or removed.</summary>
    protected virtual Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Any other activity type (receivers must tolerate unknown types).</summary>
    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Queues the <c>invokeResponse</c> pseudo activity the adapter turns into the HTTP answer.</summary>
    protected static Task SendInvokeResponseAsync(ITurnContext turnContext, InvokeResponse response, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(
            new Activity(ActivityTypes.InvokeResponse) { Value = BotJson.ToElement(response) },
            cancellationToken);

    private async Task<InvokeResponse> InvokeSafelyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (InvokeResponseException ex)
        {
            return ex.CreateInvokeResponse();
        }
    }
}
