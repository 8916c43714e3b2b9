namespace SupportBot.Server.Tests.DirectLine;

public sealed class ConcurrencyTests : DirectLineTestBase
{
    [Fact]
    public async Task ConcurrentPosts_OneConversation_EachAnsweredOnceRightAfterIt()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        const int count = 25;
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Client.PostMessageAsync(conversationId, token, $"質問 {i}", $"client-{i}")));
        Assert.Equal(count, ids.Distinct().Count());

        // In log order: each user message is followed by the bot's replies to it, before the next user message.
        var activities = (await Client.GetActivitiesAsync(conversationId, token, "1"))["activities"]!.AsArray();
        string? current = null;
        var answered = new List<string>();
        foreach (var activity in activities)
        {
            if (activity!["from"]!["role"]!.GetValue<string>() == "user")
            {
                current = activity["id"]!.GetValue<string>();
                continue;
            }
            Assert.Equal(current, activity["replyToId"]!.GetValue<string>());
            if (answered.LastOrDefault() != current)
            {
                answered.Add(current!);
            }
        }
        Assert.Equal(count, activities.Count(a => a!["from"]!["role"]!.GetValue<string>() == "user"));
        Assert.Equal(ids.Order(StringComparer.Ordinal), answered.Order(StringComparer.Ordinal));
        Assert.Equal(answered.Count, answered.Distinct().Count()); // once each
    }
}
