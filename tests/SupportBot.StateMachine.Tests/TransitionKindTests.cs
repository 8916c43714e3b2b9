namespace SupportBot.StateMachine.Tests;

public class TransitionKindTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void PermitReentry_Fired_RunsExitThenEntryWithReentryFlag()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitReentry("again")
            .OnExit(t => _log.Add($"exit reentry={t.IsReentry}"))
            .OnEntry(t => _log.Add($"enter reentry={t.IsReentry}"));
        machine.Fire("again");
        Assert.Equal(["exit reentry=True", "enter reentry=True"], _log);
        Assert.Equal("A", machine.State);
    }

    [Fact]
    public void PermitReentryIf_GuardFails_IsUnhandled()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitReentryIf("again", () => false, "retry allowed");
        Assert.False(machine.CanFire("again", out var unmet));
        Assert.Equal(["retry allowed"], unmet);
    }

    [Fact]
    public void PermitReentry_InSubstate_DoesNotExitSuperstate()
    {
        var machine = new StateMachine<string, string>("Sub");
        machine.Configure("Super").OnExit(() => _log.Add("exit Super")).OnEntry(() => _log.Add("enter Super"));
        machine.Configure("Sub").SubstateOf("Super").PermitReentry("again")
            .OnExit(() => _log.Add("exit Sub")).OnEntry(() => _log.Add("enter Sub"));
        machine.Fire("again");
        Assert.Equal(["exit Sub", "enter Sub"], _log);
    }

    [Fact]
    public void Permit_ToSameState_IsRejected()
    {
        var machine = new StateMachine<string, string>("A");
        Assert.Throws<ArgumentException>(() => machine.Configure("A").Permit("x", "A"));
    }

    [Fact]
    public void PermitDynamic_Selector_ChoosesDestination()
    {
        var target = "C";
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitDynamic("route", () => target, "by product", ["B", "C"]);
        machine.Fire("route");
        Assert.Equal("C", machine.State);
    }

    [Fact]
    public void PermitDynamic_SelectorReturnsCurrentState_IsReentry()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitDynamic("route", () => "A")
            .OnExit(t => _log.Add($"exit {t.IsReentry}")).OnEntry(t => _log.Add($"enter {t.IsReentry}"));
        machine.Fire("route");
        Assert.Equal(["exit True", "enter True"], _log);
    }

    [Fact]
    public void PermitDynamic_TypedArgument_SelectorReceivesIt()
    {
        var machine = new StateMachine<string, string>("A");
        var pick = machine.SetTriggerParameters<string>("pick");
        machine.Configure("A").PermitDynamic(pick, s => s);
        machine.Fire(pick, "Z");
        Assert.Equal("Z", machine.State);
    }

    [Fact]
    public void PermitDynamicIf_GuardFails_IsUnhandled()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitDynamicIf("route", () => "B", () => false, "has product");
        Assert.False(machine.CanFire("route", out var unmet));
        Assert.Equal(["has product"], unmet);
    }

    [Fact]
    public void Ignore_Fired_NothingRunsAndStateUnchanged()
    {
        var machine = new StateMachine<string, string>("A");
        machine.OnTransitioned(_ => _log.Add("transitioned"));
        machine.Configure("A").Ignore("noise").OnExit(() => _log.Add("exit"));
        machine.Fire("noise");
        Assert.Empty(_log);
        Assert.Equal("A", machine.State);
        Assert.True(machine.CanFire("noise"));
    }

    [Fact]
    public void Ignore_InSubstate_OverridesSuperstatePermit()
    {
        var machine = new StateMachine<string, string>("Sub");
        machine.Configure("Super").Permit("x", "Other");
        machine.Configure("Sub").SubstateOf("Super").Ignore("x");
        machine.Fire("x");
        Assert.Equal("Sub", machine.State);
    }

    [Fact]
    public void IgnoreIf_GuardFails_FallsThroughToUnhandled()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").IgnoreIf("noise", () => false, "quiet hours");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("noise"));
        Assert.Contains("quiet hours", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalTransition_Fired_RunsActionWithoutEntryOrExit()
    {
        var machine = new StateMachine<string, string>("A");
        machine.OnTransitioned(_ => _log.Add("transitioned"));
        machine.Configure("A").InternalTransition("ping", t => _log.Add($"ping in {t.Source}"))
            .OnEntry(() => _log.Add("enter")).OnExit(() => _log.Add("exit"));
        machine.Fire("ping");
        Assert.Equal(["ping in A"], _log);
    }

    [Fact]
    public void InternalTransition_TypedArgument_ActionReceivesIt()
    {
        var machine = new StateMachine<string, string>("A");
        var say = machine.SetTriggerParameters<int>("say");
        machine.Configure("A").InternalTransition(say, (n, _) => _log.Add($"n={n}"));
        machine.Fire(say, 42);
        Assert.Equal(["n=42"], _log);
    }

    [Fact]
    public void InternalTransitionIf_GuardFails_IsUnhandled()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").InternalTransitionIf("ping", () => false, _ => _log.Add("ping"), "allowed");
        Assert.False(machine.CanFire("ping"));
    }
}
