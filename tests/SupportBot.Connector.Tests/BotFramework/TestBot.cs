using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// A small bot for the channel tests: greets on membersAdded, echoes, offers N choices ("choices 5"),
/// is slow on "slow", reports its callerId on "whoami", answers invoke "test/ok" and leaves others unhandled.
/// </summary>
public sealed class TestBot : ActivityHandler
{
    public const string Welcome = "Welcome to the test bot";

    public static string[] ChoiceTitles(int count) => Enumerable.Range(1, count).Select(i => $"Choice {i}").ToArray();

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(MessageFactory.Text(Welcome), cancellationToken);

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        if (text.StartsWith("choices ", StringComparison.Ordinal) && int.TryParse(text[8..], out var count))
        {
            await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(ChoiceTitles(count), "Pick one"), cancellationToken);
            return;
        }

        if (text == "slow")
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        }

        var reply = text == "whoami" ? $"caller: {turnContext.Activity.CallerId ?? "none"}" : $"echo: {text}";
        await turnContext.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
    }

    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => turnContext.Activity.Name == "test/ok"
            ? Task.FromResult(new InvokeResponse { Status = 200, Body = new { ok = true, echoed = turnContext.Activity.Value } })
            : base.OnInvokeActivityAsync(turnContext, cancellationToken);
}
