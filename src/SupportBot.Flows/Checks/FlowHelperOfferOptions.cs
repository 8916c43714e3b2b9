namespace SupportBot.Flows.Checks;

/// <summary>
/// Options FlowDialog passes when it begins the host's "offer the PC helper" dialog. That dialog ends with a
/// <see cref="bool"/>: true when a helper is now paired (the flow then runs the check), false otherwise (it asks).
/// </summary>
/// <param name="Locale">The conversation's language (<c>ja-JP</c>, <c>en-US</c>, ...).</param>
/// <param name="FlowId">The flow that wants the check.</param>
/// <param name="StateId">The question the check would answer.</param>
public sealed record FlowHelperOfferOptions(string Locale, string FlowId, string StateId);
