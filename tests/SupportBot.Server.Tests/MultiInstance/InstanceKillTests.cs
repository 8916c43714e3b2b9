using SupportBot.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>
/// kill -9 of one instance while conversations run on both: every acknowledged activity (and its answer) is kept, and
/// the conversations go on on the survivor, as behind a load balancer that retries on the other instance.
/// </summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class InstanceKillTests(ITestOutputHelper output)
{
    private const int Conversations = 10;
    private const int MessagesEach = 8;
    private const int AcknowledgedBeforeKill = 3;

    [Fact]
    public async Task KillOneInstanceMidRun_NoAcknowledgedActivityLost_ConversationsContinueOnTheOther()
    {
        await using var pair = await TwoInstances.TryStartAsync();
        if (pair is null)
        {
            return; // no PostgreSQL test cluster here
        }

        // Each conversation signals once it has a few acknowledged messages; then A is killed while they go on.
        var warmedUp = Enumerable.Range(0, Conversations).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var runs = Enumerable.Range(0, Conversations).Select(i => Task.Run(() => RunAsync(pair, i, warmedUp[i]))).ToArray();
        await Task.WhenAll(warmedUp.Select(w => w.Task)).WaitAsync(TimeSpan.FromSeconds(120));
        pair.A.Kill();
        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(150));

        Assert.True(pair.A.HasExited);
        output.WriteLine($"{Conversations} conversations, {results.Sum(r => r.Lost)} requests cut off by the kill (re-sent to B)");
        foreach (var (conversation, acknowledged, afterKill, _) in results)
        {
            Assert.Equal(MessagesEach, acknowledged.Count);
            Assert.True(afterKill > 0, "the conversation went on after the kill");
            var transcript = await Transcript.ReadAllAsync(pair.ClientB, conversation);
            Transcript.AssertAnsweredInOrderOnce(transcript, acknowledged);
        }
    }

    private static async Task<(StartedConversation Conversation, List<string> Acknowledged, int AfterKill, int Lost)> RunAsync(TwoInstances pair, int index, TaskCompletionSource warmedUp)
    {
        // Half the conversations start on A, half on B; messages alternate, falling back to B once A is gone.
        var conversation = await Transcript.StartAsync(index % 2 == 0 ? pair.ClientB : pair.ClientA, pair.Secret);
        var acknowledged = new List<string>();
        var afterKill = 0;
        var lost = 0;
        for (var turn = 0; acknowledged.Count < MessagesEach; turn++)
        {
            var client = pair.A.HasExited ? pair.ClientB : pair.Client(index + turn);
            var killedBefore = pair.A.HasExited;
            var id = await TryPostAsync(client, conversation);
            if (id is null)
            {
                lost++;
                continue; // A died under this request: not acknowledged, so the user sends it again (to B)
            }
            acknowledged.Add(id);
            afterKill += killedBefore ? 1 : 0;
            if (acknowledged.Count == AcknowledgedBeforeKill)
            {
                warmedUp.TrySetResult();
            }
            if (acknowledged.Count >= MessagesEach - 2)
            {
                await WaitForKillAsync(pair); // the last two always go after the kill, to the survivor
            }
        }
        return (conversation, acknowledged, afterKill, lost);
    }

    private static async Task WaitForKillAsync(TwoInstances pair)
    {
        while (!pair.A.HasExited)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task<string?> TryPostAsync(DirectLineTestClient client, StartedConversation conversation)
    {
        try
        {
            return await client.PostMessageAsync(conversation.ConversationId, conversation.Token, Transcript.Unrelated);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
