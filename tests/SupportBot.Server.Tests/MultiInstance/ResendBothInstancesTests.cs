using System.Text.Json.Nodes;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>
/// A message and its resend (same <c>channelData.clientActivityID</c>) posted to both instances at the same moment:
/// one logged user activity, answered once (the conversation lock and the log's unique client id across instances).
/// </summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class ResendBothInstancesTests(SharedInstances shared)
{
    private const int Rounds = 20;

    [Fact]
    public async Task SameClientActivityId_PostedToBothAtOnce_LoggedOnceAnsweredOnce()
    {
        if (shared.Instances is not { } pair)
        {
            return; // no PostgreSQL test cluster here
        }

        var conversation = await Transcript.StartAsync(pair.ClientA, pair.Secret);
        var posted = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var clientActivityId = $"resend-{round:D3}";
            var both = await Task.WhenAll(
                pair.ClientA.PostMessageAsync(conversation.ConversationId, conversation.Token, Transcript.Unrelated, clientActivityId),
                pair.ClientB.PostMessageAsync(conversation.ConversationId, conversation.Token, Transcript.Unrelated, clientActivityId));
            Assert.Equal(both[0], both[1]); // Web Chat matches the id of whichever response arrives
            posted.Add(both[0]);
        }

        var transcript = await Transcript.ReadAllAsync(pair.ClientB, conversation);
        var users = transcript.Where(Transcript.IsUserMessage).ToList();
        Assert.Equal(posted, users.Select(Transcript.Id));
        Assert.Equal(
            Enumerable.Range(0, Rounds).Select(r => $"resend-{r:D3}"),
            users.Select(u => u["channelData"]!["clientActivityID"]!.GetValue<string>()));
        Transcript.AssertAnsweredInOrderOnce(transcript, posted);

        // The same question each round: one turn's answer each, never two turns' worth.
        var answerCounts = users.Select(u => transcript.Count(a => Transcript.IsBotMessage(a) && a["replyToId"]?.GetValue<string>() == Transcript.Id(u))).Distinct().ToList();
        Assert.Single(answerCounts);
    }
}
