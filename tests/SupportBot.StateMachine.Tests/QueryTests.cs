using SupportBot.StateMachine.Graph;

namespace SupportBot.StateMachine.Tests;

public class QueryTests
{
    [Fact]
    public void GetPermittedTriggers_TypedGuardWithArguments_EvaluatesWithThem()
    {
        var machine = new StateMachine<string, string>("A");
        var code = machine.SetTriggerParameters<int>("code");
        machine.Configure("A").PermitIf(code, "B", n => n == 7, "lucky");
        Assert.Equal(["code"], machine.GetPermittedTriggers(7));
        Assert.Empty(machine.GetPermittedTriggers(8));
    }

    [Fact]
    public void CanFire_TwoAndThreeArguments_PassesThemToGuards()
    {
        var machine = new StateMachine<string, string>("A");
        var two = machine.SetTriggerParameters<int, int>("two");
        var three = machine.SetTriggerParameters<int, int, int>("three");
        machine.Configure("A")
            .PermitIf("two", "B", () => true)
            .PermitIf("three", "C", () => false, "never");
        Assert.True(machine.CanFire(two, 1, 2, out _));
        Assert.False(machine.CanFire(three, 1, 2, 3, out var unmet));
        Assert.Equal(["never"], unmet);
    }

    [Fact]
    public void Fire_UntypedArgumentsForTypedTrigger_Validated()
    {
        var machine = new StateMachine<string, string>("A");
        var one = machine.SetTriggerParameters<string>("one");
        machine.Configure("A").Permit("one", "B");
        Assert.Throws<ArgumentException>(() => machine.Fire(one, 1));
        machine.Fire(one, "ok");
        Assert.Equal("B", machine.State);
    }

    [Fact]
    public void GetInfo_DefinitionWithoutInitialState_NoInitialMarker()
    {
        var builder = new StateMachineBuilder<string, string>();
        builder.Configure("A").Permit("go", "B");
        var definition = builder.Build();
        var info = definition.GetInfo();
        Assert.Null(info.InitialState);
        Assert.False(definition.HasInitialState);
        Assert.DoesNotContain("[*]", MermaidGraph.Format(info), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => definition.InitialState);
    }

    [Fact]
    public void Fire_ImmediateModeEntryThrows_StaysInDestinationAndPropagates()
    {
        var machine = new StateMachine<string, string>("A", FiringMode.Immediate);
        machine.Configure("A").Permit("go", "B");
        machine.Configure("B").OnEntry(() => throw new InvalidDataException("boom"));
        Assert.Throws<InvalidDataException>(() => machine.Fire("go"));
        Assert.Equal("B", machine.State);
    }

    [Fact]
    public async Task FireAsync_AfterFailedFire_MachineUsableAgain()
    {
        var machine = new StateMachine<string, string>("A");
        var fail = true;
        machine.Configure("A").Permit("go", "B");
        machine.Configure("B").Permit("back", "A").OnEntry(() =>
        {
            if (fail)
            {
                throw new InvalidDataException("boom");
            }
        });
        await Assert.ThrowsAsync<InvalidDataException>(() => machine.FireAsync("go"));
        fail = false;
        await machine.FireAsync("back");
        await machine.FireAsync("go");
        Assert.Equal("B", machine.State);
    }
}
