namespace SupportBot.Storage.Tests.Contract;

/// <summary>A clock the test moves by hand (leases expire when the test says so, not after a sleep).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
