using static SupportBot.Server.Tests.Bot.BotConversation;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>50 conversations at once, started on both instances and alternating between them: nothing lost or duplicated.</summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class ConcurrentConversationsTests(SharedInstances shared)
{
    private const int Conversations = 50;
    private static readonly string[] Messages = ["Passage に『ライセンスが確認できません』と表示される", "はい", "残り3日", "確認を始める", "はい"];

    [Fact]
    public async Task FiftyConversations_SplitAcrossBoth_EveryMessageAnsweredOnce_AllReachTheEnd()
    {
        if (shared.Instances is not { } pair)
        {
            return; // no PostgreSQL test cluster here
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i => RunAsync(pair, i)));

        foreach (var (conversation, posted) in runs)
        {
            var transcript = await Transcript.ReadAllAsync(pair.Client(posted.Count), conversation);
            Assert.Equal(Messages.Length, posted.Count);
            Assert.Equal(posted, transcript.Where(Transcript.IsUserMessage).Select(Transcript.Id));
            Transcript.AssertAnsweredInOrderOnce(transcript, posted);
            var last = transcript.Where(Transcript.IsBotMessage).ToList();
            Assert.Contains(last, m => Outcome(m) == "resolved");
            Assert.Equal("restart", State(last[^1]));
        }
    }

    private static async Task<(StartedConversation Conversation, List<string> Posted)> RunAsync(TwoInstances pair, int index)
    {
        var conversation = await Transcript.StartAsync(pair.Client(index), pair.Secret);
        var posted = new List<string>();
        for (var turn = 0; turn < Messages.Length; turn++)
        {
            posted.Add(await pair.Client(index + turn + 1).PostMessageAsync(conversation.ConversationId, conversation.Token, Messages[turn]));
        }
        return (conversation, posted);
    }
}
