using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Storage;

namespace SupportBot.Server.Tests.DirectLine.Units;

public sealed class DirectLinePrimitivesTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("null", 0)]
    [InlineData("-", 0)]
    [InlineData("0", 0)]
    [InlineData("17", 17)]
    public void Watermark_Parse_AcceptsEmptyFormsAndNumbers(string? value, long expected) =>
        Assert.Equal(expected, DirectLineWatermark.Parse(value));

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public void Watermark_Parse_RejectsOthersWith400(string value) =>
        Assert.Equal(400, Assert.Throws<DirectLineException>(() => DirectLineWatermark.Parse(value)).StatusCode);

    [Fact]
    public void Ids_ActivityIdAndTransient_AreDistinguishable()
    {
        Assert.Equal("abc|0000042", DirectLineIds.ActivityId("abc", 42));
        Assert.False(DirectLineIds.IsTransient(DirectLineIds.ActivityId("abc", 42)));
        Assert.True(DirectLineIds.IsTransient(DirectLineIds.TransientActivityId("abc")));
        Assert.False(DirectLineIds.IsTransient(null));
    }

    [Fact]
    public void Ids_UserIdFor_GeneratesOrPrefixesDl()
    {
        Assert.StartsWith("dl_", DirectLineIds.UserIdFor(null), StringComparison.Ordinal);
        Assert.Equal("dl_abc", DirectLineIds.UserIdFor("abc"));
        Assert.Equal("dl_abc", DirectLineIds.UserIdFor("dl_abc"));
        Assert.Throws<DirectLineException>(() => DirectLineIds.UserIdFor(new string('a', 65)));
        Assert.NotEqual(DirectLineIds.NewConversationId(), DirectLineIds.NewConversationId());
    }

    [Fact]
    public void ActivitySetFrame_Build_EmbedsJsonAndStringWatermark() =>
        Assert.Equal("""{"activities":[{"a":1},{"b":2}],"watermark":"7"}""", ActivitySetFrame.Build(["""{"a":1}""", """{"b":2}"""], 7));

    [Fact]
    public void Broadcaster_SecondSubscription_ClosesFirstAsCollisionAndKeepsSecond()
    {
        var broadcaster = new InProcessDirectLineBroadcaster();
        using var first = broadcaster.Subscribe("c");
        using var second = broadcaster.Subscribe("c");
        Assert.True(first.Closed.IsCancellationRequested);
        Assert.Equal("collision", first.CloseReason);

        first.Dispose(); // must not unregister the newer one
        broadcaster.Publish("c", new StreamedActivity(1, "{}"));
        Assert.True(second.Activities.TryRead(out var delivered));
        Assert.Equal(1, delivered.Position);
    }

    [Fact]
    public void Broadcaster_SlowReader_IsClosedAsOverflowInsteadOfBlocking()
    {
        var broadcaster = new InProcessDirectLineBroadcaster();
        using var subscription = broadcaster.Subscribe("c");
        for (var i = 1; i <= DirectLineSubscription.BufferSize + 1; i++)
        {
            broadcaster.Publish("c", new StreamedActivity(i, "{}"));
        }
        Assert.Equal("overflow", subscription.CloseReason);
    }

    [Fact]
    public void Broadcaster_NoSubscriber_PublishIsANoOp() =>
        new InProcessDirectLineBroadcaster().Publish("nobody", new StreamedActivity(0, "{}"));

    [Fact]
    public async Task ConversationLocks_SameConversation_RunsOneAtATime()
    {
        var locks = new InProcessConversationLockProvider();
        var inside = 0;
        var maxInside = 0;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using (await locks.AcquireAsync("c", CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                maxInside = Math.Max(maxInside, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
            }
        })));
        Assert.Equal(1, maxInside);
    }

    [Fact]
    public async Task ConversationLocks_DifferentConversations_DoNotWaitForEachOther()
    {
        var locks = new InProcessConversationLockProvider();
        await using var a = await locks.AcquireAsync("a", CancellationToken.None);
        await using var b = await locks.AcquireAsync("b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        Assert.NotNull(b);
    }
}
