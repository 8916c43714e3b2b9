using SupportBot.Dialogs;
using SupportBot.Flows.Checks;

namespace SupportBot.Flows.Tests.Checks;

/// <summary>
/// A minimal "offer the PC helper" dialog: says "offer", then ends with true on 「はい」 (pairing the fake helper) and
/// false on anything else — the contract FlowDialog relies on.
/// </summary>
internal sealed class StubOfferDialog(FakeFlowCheckRunner checks) : Dialog("offer")
{
    /// <summary>The options of each time the offer was begun.</summary>
    public List<FlowHelperOfferOptions> Offers { get; } = [];

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        Offers.Add((FlowHelperOfferOptions)options!);
        await dc.Context.SendActivityAsync("offer", cancellationToken: cancellationToken);
        return EndOfTurn;
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var accepted = dc.Context.Activity.Text == "はい";
        checks.Paired = accepted;
        return dc.EndDialogAsync(accepted, cancellationToken);
    }
}
