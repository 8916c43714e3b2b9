using SupportBot.Builder;
using SupportBot.Flows.Dialogs;

namespace SupportBot.Server.Bot;

/// <summary>
/// Hands a conversation to people when a flow ends escalated (the flow's end, 担当者と話したい, or the bot
/// could not understand): the helpdesk implementation creates the ticket and tells the user its number.
/// </summary>
public interface IFlowEscalator
{
    /// <summary>Escalates the conversation of <paramref name="turnContext"/> with the flow's context.</summary>
    Task EscalateAsync(ITurnContext turnContext, FlowDialogResult result, CancellationToken cancellationToken);
}
