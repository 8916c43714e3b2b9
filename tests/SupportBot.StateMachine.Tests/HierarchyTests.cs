namespace SupportBot.StateMachine.Tests;

public class HierarchyTests
{
    private readonly List<string> _log = [];

    private StateMachine<string, string> Create(string initial)
    {
        var machine = new StateMachine<string, string>(initial);
        machine.Configure("Outside").Permit("in", "Sub1").Permit("super", "Super")
            .OnEntry(() => _log.Add("enter Outside")).OnExit(() => _log.Add("exit Outside"));
        machine.Configure("Super").Permit("out", "Outside").Permit("inherited", "Outside")
            .OnEntry(() => _log.Add("enter Super")).OnExit(() => _log.Add("exit Super"));
        machine.Configure("Sub1").SubstateOf("Super").Permit("next", "Sub2").Permit("up", "Super")
            .Permit("inherited", "Sub2")
            .OnEntry(() => _log.Add("enter Sub1")).OnExit(() => _log.Add("exit Sub1"));
        machine.Configure("Sub2").SubstateOf("Super")
            .OnEntry(() => _log.Add("enter Sub2")).OnExit(() => _log.Add("exit Sub2"));
        return machine;
    }

    [Fact]
    public void Fire_EnterSubstateFromOutside_RunsSuperstateEntryFirst()
    {
        var machine = Create("Outside");
        machine.Fire("in");
        Assert.Equal(["exit Outside", "enter Super", "enter Sub1"], _log);
    }

    [Fact]
    public void Fire_SiblingMove_DoesNotRerunSuperstateEntryOrExit()
    {
        var machine = Create("Sub1");
        machine.Fire("next");
        Assert.Equal(["exit Sub1", "enter Sub2"], _log);
    }

    [Fact]
    public void Fire_LeavingToOutside_RunsSubstateExitThenSuperstateExit()
    {
        var machine = Create("Sub2");
        machine.Fire("out");
        Assert.Equal(["exit Sub2", "exit Super", "enter Outside"], _log);
        Assert.Equal("Outside", machine.State);
    }

    [Fact]
    public void Fire_SubstateToItsSuperstate_RunsOnlySubstateExit()
    {
        var machine = Create("Sub1");
        machine.Fire("up");
        Assert.Equal(["exit Sub1"], _log);
        Assert.Equal("Super", machine.State);
    }

    [Fact]
    public void Fire_SuperstateToItsSubstate_RunsOnlySubstateEntry()
    {
        var machine = new StateMachine<string, string>("Super");
        machine.Configure("Super").Permit("down", "Sub").OnExit(() => _log.Add("exit Super"));
        machine.Configure("Sub").SubstateOf("Super").OnEntry(() => _log.Add("enter Sub"));
        machine.Fire("down");
        Assert.Equal(["enter Sub"], _log);
    }

    [Fact]
    public void Fire_TriggerOnlyOnSuperstate_IsInheritedBySubstate()
    {
        var machine = Create("Sub2");
        machine.Fire("out");
        Assert.Equal("Outside", machine.State);
    }

    [Fact]
    public void Fire_TriggerOnSubstateAndSuperstate_SubstateOverrides()
    {
        var machine = Create("Sub1");
        machine.Fire("inherited");
        Assert.Equal("Sub2", machine.State);
    }

    [Fact]
    public void IsInState_Substate_TrueForSelfAndEverySuperstate()
    {
        var machine = new StateMachine<string, string>("C");
        machine.Configure("B").SubstateOf("A");
        machine.Configure("C").SubstateOf("B");
        Assert.True(machine.IsInState("C"));
        Assert.True(machine.IsInState("B"));
        Assert.True(machine.IsInState("A"));
        Assert.False(machine.IsInState("D"));
    }

    [Fact]
    public void SubstateOf_Cycle_ThrowsAtConfiguration()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("B").SubstateOf("A");
        machine.Configure("C").SubstateOf("B");
        var error = Assert.Throws<ArgumentException>(() => machine.Configure("A").SubstateOf("C"));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => machine.Configure("D").SubstateOf("D"));
    }

    [Fact]
    public void InitialTransition_Chain_EntersDeepestInitialSubstate()
    {
        var machine = new StateMachine<string, string>("Idle");
        var transitions = new List<string>();
        machine.OnTransitioned(t => transitions.Add($"{t.Source}->{t.Destination}{(t.IsInitial ? " (initial)" : "")}"));
        machine.Configure("Idle").Permit("go", "Top");
        machine.Configure("Top").InitialTransition("Middle").OnEntry(() => _log.Add("enter Top"));
        machine.Configure("Middle").SubstateOf("Top").InitialTransition("Leaf").OnEntry(() => _log.Add("enter Middle"));
        machine.Configure("Leaf").SubstateOf("Middle").OnEntry(() => _log.Add("enter Leaf"));

        machine.Fire("go");

        Assert.Equal("Leaf", machine.State);
        Assert.Equal(["enter Top", "enter Middle", "enter Leaf"], _log);
        Assert.Equal(["Idle->Top", "Top->Middle (initial)", "Middle->Leaf (initial)"], transitions);
    }

    [Fact]
    public void InitialTransition_SecondOrToSelf_Throws()
    {
        var builder = new StateMachineBuilder<string, string>();
        builder.Configure("Sub").SubstateOf("Super");
        var super = builder.Configure("Super").InitialTransition("Sub");
        Assert.Throws<InvalidOperationException>(() => super.InitialTransition("Sub"));
        Assert.Throws<ArgumentException>(() => builder.Configure("Other").InitialTransition("Other"));
    }

    [Fact]
    public void Build_InitialTransitionToNonSubstate_Throws()
    {
        var builder = new StateMachineBuilder<string, string>();
        builder.Configure("Super").InitialTransition("Stranger");
        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("not one of its substates", error.Message, StringComparison.Ordinal);
    }
}
