using Microsoft.Extensions.Logging;
using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>
/// Sends <c>typing</c> while a message turn is slow: first after <see cref="BotFrameworkChannelOptions.TypingDelay"/>,
/// then every <see cref="BotFrameworkChannelOptions.TypingPeriod"/> until the bot is done. Typing is not held by the
/// turn runner, so it goes out at once; replies follow after the state is saved. Skipped in group chats/channels
/// whose capability says typing is noise there, unless the bot was mentioned.
/// </summary>
public sealed class ShowTypingMiddleware(
    ChannelCapabilities capabilities, BotFrameworkChannelOptions options, TimeProvider time, ILogger<ShowTypingMiddleware> logger) : IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!Wanted(turnContext.Activity))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(turnContext, stop.Token);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false); // never a typing after this turn's replies
        }
    }

    private bool Wanted(Activity activity)
    {
        if (!activity.IsType(ActivityTypes.Message)
            || string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !TeamsMentionGate.IsGroupScope(activity)
               || capabilities.For(activity.ChannelId).TypingInGroups
               || TeamsMentionGate.MentionsRecipient(activity);
    }

    private async Task KeepTypingAsync(ITurnContext turnContext, CancellationToken stop)
    {
        try
        {
            await Task.Delay(options.TypingDelay, time, stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), stop).ConfigureAwait(false);
                await Task.Delay(options.TypingPeriod, time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Typing is cosmetic: a failed indicator must not fail the turn.
            BotFrameworkLog.TypingFailed(logger, ex, turnContext.Activity.Conversation?.Id);
        }
    }
}
