using SupportBot.Builder;
using SupportBot.Flows.Dialogs;

namespace SupportBot.Server.Bot;

/// <summary>Used until a helpdesk is registered: the flow has already told the user it hands over; nothing more to do.</summary>
public sealed class NoHelpdeskEscalator : IFlowEscalator
{
    /// <inheritdoc />
    public Task EscalateAsync(ITurnContext turnContext, FlowDialogResult result, CancellationToken cancellationToken) => Task.CompletedTask;
}
