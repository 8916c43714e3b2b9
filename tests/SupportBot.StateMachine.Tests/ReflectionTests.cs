using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine.Tests;

public class ReflectionTests
{
    private static StateInfo State(StateMachineInfo info, string name) => info.States.Single(s => (string)s.UnderlyingState == name);

    [Fact]
    public void GetInfo_Definition_DescribesStatesHierarchyAndTransitions()
    {
        var info = GraphFixture.Definition().GetInfo();

        Assert.Equal(typeof(string), info.StateType);
        Assert.Equal(typeof(string), info.TriggerType);
        Assert.Equal("Idle", info.InitialState?.UnderlyingState);
        Assert.Equal(["Idle", "Support", "Checking", "Done"], info.States.Select(s => (string)s.UnderlyingState));

        var support = State(info, "Support");
        Assert.Equal(["Checking", "Done"], support.Substates.Select(s => (string)s.UnderlyingState));
        Assert.Equal("Checking", support.InitialTransitionTarget?.UnderlyingState);
        Assert.Equal("greet", Assert.Single(support.EntryActions).Method.Description);
        Assert.Equal("say bye", Assert.Single(support.ExitActions).Description);

        var checking = State(info, "Checking");
        Assert.Same(support, checking.Superstate);
        var guarded = Assert.Single(checking.FixedTransitions);
        Assert.Equal("ok", guarded.Trigger);
        Assert.Equal("Done", guarded.DestinationState.UnderlyingState);
        Assert.Equal(["licence valid"], guarded.GuardDescriptions);
        var dynamic = Assert.Single(checking.DynamicTransitions);
        Assert.Equal("by product", dynamic.DestinationSelector.Description);
        Assert.Equal(["Idle", "Done"], dynamic.PossibleDestinationStates.Select(s => (string)s.UnderlyingState));
        Assert.Equal("noise", Assert.Single(checking.IgnoredTriggers).Trigger);
        Assert.True(Assert.Single(State(info, "Done").FixedTransitions).IsReentry);
    }

    [Fact]
    public void GetInfo_Actions_ReportMethodNameAsyncAndFromTrigger()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A")
            .OnEntryFrom("go", NamedAction)
            .OnEntryAsync(() => Task.CompletedTask, "load")
            .OnActivate(() => { }, "restore")
            .OnDeactivate(() => { }, "save")
            .InternalTransition("ping", _ => { }, "pong");

        var a = machine.GetInfo().States.Single();

        Assert.Equal("go", a.EntryActions[0].FromTrigger);
        Assert.Equal(nameof(NamedAction), a.EntryActions[0].Method.MethodName);
        Assert.Equal(nameof(NamedAction), a.EntryActions[0].Method.Description);
        Assert.False(a.EntryActions[0].Method.IsAsync);
        Assert.True(a.EntryActions[1].Method.IsAsync);
        Assert.Null(a.EntryActions[1].FromTrigger);
        Assert.Equal("restore", Assert.Single(a.ActivateActions).Description);
        Assert.Equal("save", Assert.Single(a.DeactivateActions).Description);
        Assert.Equal("pong", Assert.Single(a.InternalTransitions).Action.Description);
    }

    [Fact]
    public void GetInfo_LambdaWithoutDescription_DescribedAsFunction()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitIf("go", "B", () => true);
        var transition = Assert.Single(machine.GetInfo().States[0].FixedTransitions);
        Assert.Equal(["Function"], transition.GuardDescriptions);
    }

    private static void NamedAction()
    {
    }
}
