namespace SupportBot.StateMachine.Tests;

public class GuardTests
{
    [Fact]
    public void CanFire_GuardFails_ReportsUnmetGuardDescription()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitIf("go", "B", () => false, "licence is valid");

        Assert.False(machine.CanFire("go", out var unmet));
        Assert.Equal(["licence is valid"], unmet);
        Assert.False(machine.CanFire("go"));
    }

    [Fact]
    public void CanFire_GuardHolds_TrueWithNoUnmetGuards()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitIf("go", "B", () => true, "ok");
        Assert.True(machine.CanFire("go", out var unmet));
        Assert.Empty(unmet);
    }

    [Fact]
    public void Fire_GuardFails_ThrowsWithStateTriggerAndGuard()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitIf("go", "B", () => false, "licence is valid");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("go"));
        Assert.Contains("'go'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'A'", error.Message, StringComparison.Ordinal);
        Assert.Contains("licence is valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_NoTransitionConfigured_ThrowsNamingStateAndTrigger()
    {
        var machine = new StateMachine<string, string>("A");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("nope"));
        Assert.Contains("'A'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermitIf_MultipleGuards_AllMustHold()
    {
        var machine = new StateMachine<string, string>("A");
        var second = false;
        machine.Configure("A").PermitIf("go", "B", (() => true, "first"), (() => second, "second"));

        Assert.False(machine.CanFire("go", out var unmet));
        Assert.Equal(["second"], unmet);
        second = true;
        machine.Fire("go");
        Assert.Equal("B", machine.State);
    }

    [Fact]
    public void Fire_TwoGuardsTrueAtOnce_ThrowsNamingBoth()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A")
            .PermitIf("go", "B", () => true, "is customer")
            .PermitIf("go", "C", () => true, "is partner");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("go"));
        Assert.Contains("is customer", error.Message, StringComparison.Ordinal);
        Assert.Contains("is partner", error.Message, StringComparison.Ordinal);
        Assert.Contains("mutually exclusive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_ExclusiveGuards_TakesTheOneThatHolds()
    {
        var machine = new StateMachine<string, string>("A");
        var partner = true;
        machine.Configure("A")
            .PermitIf("go", "B", () => !partner, "is customer")
            .PermitIf("go", "C", () => partner, "is partner");
        machine.Fire("go");
        Assert.Equal("C", machine.State);
    }

    [Fact]
    public void Fire_SubstateGuardFails_FallsBackToSuperstate()
    {
        var machine = new StateMachine<string, string>("Sub");
        machine.Configure("Super").Permit("go", "FromSuper");
        machine.Configure("Sub").SubstateOf("Super").PermitIf("go", "FromSub", () => false, "never");
        machine.Fire("go");
        Assert.Equal("FromSuper", machine.State);
    }

    [Fact]
    public void PermittedTriggers_GuardedTriggers_OnlyThoseWhoseGuardsHold()
    {
        var machine = new StateMachine<string, string>("Sub");
        machine.Configure("Super").Permit("up", "X");
        machine.Configure("Sub").SubstateOf("Super")
            .PermitIf("yes", "B", () => true).PermitIf("no", "C", () => false).Ignore("noise");
        Assert.Equal(["yes", "noise", "up"], machine.PermittedTriggers);
        Assert.Equal(["yes", "noise", "up"], machine.GetPermittedTriggers());
    }

    [Fact]
    public void OnUnhandledTrigger_HandlerSet_ReceivesStateTriggerAndUnmetGuards()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitIf("go", "B", () => false, "guard text");
        (string State, string Trigger, string[] Guards)? seen = null;
        machine.OnUnhandledTrigger((s, t, g) => seen = (s, t, g.ToArray()));

        machine.Fire("go");

        Assert.NotNull(seen);
        Assert.Equal("A", seen.Value.State);
        Assert.Equal("go", seen.Value.Trigger);
        Assert.Equal(["guard text"], seen.Value.Guards);
        Assert.Equal("A", machine.State);
    }

    [Fact]
    public async Task OnUnhandledTriggerAsync_HandlerSet_IsAwaited()
    {
        var machine = new StateMachine<string, string>("A");
        var called = false;
        machine.OnUnhandledTriggerAsync(async (_, _, _) =>
        {
            await Task.Yield();
            called = true;
        });
        await machine.FireAsync("x");
        Assert.True(called);
        Assert.Throws<InvalidOperationException>(() => machine.Fire("x"));
    }
}
