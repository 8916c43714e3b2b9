using SupportBot.Builder;

namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>
/// Applies the <see cref="ChannelCapabilities"/> table to every outgoing activity of a turn
/// (see <see cref="SuggestedActionsRenderer"/>). Flows emit plain suggested actions and stay channel-agnostic.
/// </summary>
public sealed class ChannelRenderingMiddleware(ChannelCapabilities capabilities) : IMiddleware
{
    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var inbound = turnContext.Activity;
        var capability = capabilities.For(inbound.ChannelId);
        var groupScope = TeamsMentionGate.IsGroupScope(inbound);
        turnContext.OnSendActivities((_, activities, send) =>
        {
            foreach (var activity in activities)
            {
                SuggestedActionsRenderer.Render(activity, capability, groupScope);
            }

            return send();
        });
        return next(cancellationToken);
    }
}
