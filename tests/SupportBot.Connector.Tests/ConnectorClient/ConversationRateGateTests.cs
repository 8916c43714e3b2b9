using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Connector.ConnectorClient;

namespace SupportBot.Connector.Tests.ConnectorClient;

/// <summary>Per-conversation pacing below Teams' limits (7 per second, 60 per 30 seconds), on a fake clock.</summary>
public sealed class ConversationRateGateTests
{
    private static ConversationRateGate Gate(FakeTimeProvider time) => new(Options.Create(new ConnectorClientOptions()), time);

    [Fact]
    public async Task Eighth_write_in_one_second_waits_for_the_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gate = Gate(time);
        for (var i = 0; i < 7; i++)
        {
            (await gate.AcquireAsync("conv", CancellationToken.None)).Dispose();
        }

        var eighth = gate.AcquireAsync("conv", CancellationToken.None);
        var other = gate.AcquireAsync("another-conv", CancellationToken.None);
        Assert.True(other.IsCompleted); // budgets are per conversation
        Assert.False(eighth.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await eighth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Sixty_first_write_in_thirty_seconds_waits()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gate = Gate(time);
        for (var i = 0; i < 60; i++)
        {
            (await gate.AcquireAsync("conv", CancellationToken.None)).Dispose();
            time.Advance(TimeSpan.FromMilliseconds(200)); // 5 per second: under the short limit
        }

        var next = gate.AcquireAsync("conv", CancellationToken.None);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(18)); // first write was 12 s ago; 30 s window ends 18 s from now
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Writes_to_one_conversation_are_serialised()
    {
        var gate = Gate(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var first = await gate.AcquireAsync("conv", CancellationToken.None);
        var second = gate.AcquireAsync("conv", CancellationToken.None);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
