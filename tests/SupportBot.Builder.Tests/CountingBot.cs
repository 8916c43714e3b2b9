using SupportBot.Builder.State;

namespace SupportBot.Builder.Tests;

/// <summary>Counts turns in conversation state and answers each message with the count.</summary>
internal sealed class CountingBot : ActivityHandler
{
    private readonly IStatePropertyAccessor<CounterState> _counter = new ConversationState().CreateProperty<CounterState>("counter");

    public int Runs;

    public Func<ITurnContext, Task>? BeforeReply { get; set; }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Runs);
        var counter = (await _counter.GetAsync(turnContext, () => new CounterState(), cancellationToken))!;
        counter.Count++;
        counter.Seen.Add(turnContext.Activity.Text!);
        if (BeforeReply is not null)
        {
            await BeforeReply(turnContext);
        }

        await turnContext.SendActivityAsync($"{counter.Count}:{turnContext.Activity.Text}", cancellationToken: cancellationToken);
    }
}

internal sealed class CounterState
{
    public int Count { get; set; }

    public List<string> Seen { get; set; } = [];
}
