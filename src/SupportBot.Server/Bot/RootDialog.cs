using SupportBot.AgentLink;
using SupportBot.Dialogs;
using SupportBot.Flows.Checks;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Model;
using SupportBot.Flows.Routing;
using SupportBot.Flows.Runtime;

namespace SupportBot.Server.Bot;

/// <summary>
/// The bot's root dialog. A greeting button starts its flow; anything else (free text, 担当者と話したい) goes
/// through <see cref="FlowRoutingDialog"/>. When a flow ends, an escalation goes to the <see cref="IFlowEscalator"/>;
/// any other end offers the menu again. The next message after an end starts the root again.
/// With the PC helper link registered, flows run their checks through the <see cref="IFlowCheckRunner"/>, the helper
/// offer (<see cref="Agent.AgentOfferDialog"/>) is on this dialog set, and the end of a flow ends the helper's link.
/// </summary>
public sealed class RootDialog : ComponentDialog
{
    /// <summary>The root dialog's id.</summary>
    public const string DialogId = "root";

    private const string RouteDialogId = "route";
    private const string FlowDialogId = "flow";
    private readonly IFlowEscalator _escalator;
    private readonly IAgentPairing? _pairing;

    /// <summary>Creates the root over the loaded flows; the helper parts are optional (a host without the agent link).</summary>
    public RootDialog(FlowCatalog catalog, IFlowEscalator escalator, IFlowCheckRunner? checks = null, Agent.AgentOfferDialog? offer = null, IAgentPairing? pairing = null)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _escalator = escalator ?? throw new ArgumentNullException(nameof(escalator));
        _pairing = pairing;
        AddDialog(new FlowRoutingDialog(catalog, RouteDialogId, FlowDialogId));
        AddDialog(new FlowDialog(catalog, FlowDialogId, checks, offer?.Id));
        if (offer is not null) AddDialog(offer);
    }

    /// <inheritdoc />
    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        // A greeting button starts its flow; the person button and free text are the router's (it knows 担当者と話したい).
        var flow = RootMenu.FlowFor(innerDc.Context.Activity.Text);
        return flow is not null
            ? innerDc.BeginDialogAsync(FlowDialogId, new FlowDialogOptions(flow), cancellationToken)
            : innerDc.BeginDialogAsync(RouteDialogId, null, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        // The flow is over: the helper's token is revoked and its next poll tells it to exit.
        if (_pairing is not null && outerDc.Context.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            await _pairing.EndConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        var locale = outerDc.Context.Activity.Locale;
        if (result is FlowDialogResult { Outcome: FlowOutcome.Escalated } escalated)
        {
            await _escalator.EscalateAsync(outerDc.Context, escalated, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var offer = RootMenu.Message(BotTexts.For(locale).RestartOffer, locale, new SupportBotPlace("root", "restart", 0));
            await outerDc.Context.SendActivityAsync(offer, cancellationToken).ConfigureAwait(false);
        }
        return await outerDc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
    }
}
