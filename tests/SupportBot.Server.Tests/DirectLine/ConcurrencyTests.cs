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

        var activities = (await Client.GetActivitiesAsync(conversationId, token, "1"))["activities"]!.AsArray();
        Assert.Equal(count * 2, activities.Count);
        for (var i = 0; i < activities.Count; i += 2)
        {
            var message = activities[i]!;
            var reply = activities[i + 1]!;
            Assert.Equal("user", message["from"]!["role"]!.GetValue<string>());
            Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
            Assert.Equal(message["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
        }
        var answered = activities.Where(a => a!["replyToId"] is not null).Select(a => a!["replyToId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), answered.Order(StringComparer.Ordinal));
    }
}
