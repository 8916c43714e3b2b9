using System.Text.Json.Nodes;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>One conversation posted to both instances at the same moment, 100 times: serialised, each answered once, in order.</summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class SameConversationBothInstancesTests(SharedInstances shared)
{
    private const int Rounds = 100;

    [Fact]
    public async Task SameConversation_PostedToBothAtOnce_100Times_EachAnsweredExactlyOnce_InOrder()
    {
        if (shared.Instances is not { } pair)
        {
            return; // no PostgreSQL test cluster here
        }

        var conversation = await Transcript.StartAsync(pair.ClientA, pair.Secret);
        var posted = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // Both requests are in flight together, so the two instances race for the same conversation.
            var both = await Task.WhenAll(
                pair.ClientA.PostMessageAsync(conversation.ConversationId, conversation.Token, Transcript.Unrelated, $"round-{round:D3}-a"),
                pair.ClientB.PostMessageAsync(conversation.ConversationId, conversation.Token, Transcript.Unrelated, $"round-{round:D3}-b"));
            posted.AddRange(both);
        }

        var transcript = await Transcript.ReadAllAsync(pair.ClientB, conversation);
        var users = transcript.Where(Transcript.IsUserMessage).ToList();
        Assert.Equal(2 * Rounds, users.Count);
        Assert.Equal(posted.Order(StringComparer.Ordinal), users.Select(Transcript.Id).Order(StringComparer.Ordinal));
        // Rounds were awaited one after another, so the log keeps their order (within a round either may go first).
        var rounds = users.Select(u => ClientActivityId(u)[..9]).ToList();
        Assert.Equal(rounds.Order(StringComparer.Ordinal), rounds);
        Transcript.AssertAnsweredInOrderOnce(transcript, posted);

        // Every turn saw the state the previous one saved: the same question gets the same answer each time.
        var answerCounts = users.Select(u => transcript.Count(a => Transcript.IsBotMessage(a) && a["replyToId"]?.GetValue<string>() == Transcript.Id(u))).Distinct().ToList();
        Assert.Single(answerCounts);
    }

    private static string ClientActivityId(JsonNode activity) => activity["channelData"]!["clientActivityID"]!.GetValue<string>();
}
