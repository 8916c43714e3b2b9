namespace SupportBot.StateMachine.Tests;

public class ExternalStateTests
{
    [Fact]
    public void Fire_ExternalState_MutatorCalledOncePerTransition()
    {
        var stored = "A";
        var writes = new List<string>();
        var machine = new StateMachine<string, string>(() => stored, s =>
        {
            writes.Add(s);
            stored = s;
        });
        machine.Configure("A").Permit("go", "B").OnExit(() => { });
        machine.Configure("B").OnEntry(() => { }).Permit("back", "A");

        machine.Fire("go");
        Assert.Equal(["B"], writes);
        machine.Fire("back");
        Assert.Equal(["B", "A"], writes);
        Assert.Equal("A", stored);
    }

    [Fact]
    public void State_ChangedOutside_MachineReadsIt()
    {
        var stored = "A";
        var machine = new StateMachine<string, string>(() => stored, s => stored = s);
        machine.Configure("B").Permit("go", "C");
        stored = "B";
        Assert.Equal("B", machine.State);
        machine.Fire("go");
        Assert.Equal("C", stored);
    }

    [Fact]
    public void Configure_AfterFirstFire_ThrowsClearError()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B");
        machine.Fire("go");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Configure("B"));
        Assert.Contains("frozen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_AfterGetInfo_Throws()
    {
        var machine = new StateMachine<string, string>("A");
        var config = machine.Configure("A");
        machine.GetInfo();
        Assert.Throws<InvalidOperationException>(() => config.Permit("x", "B"));
    }

    [Fact]
    public void Enums_AsStatesAndTriggers_Work()
    {
        var machine = new StateMachine<Phase, Signal>(Phase.Idle);
        machine.Configure(Phase.Idle).Permit(Signal.Begin, Phase.Running);
        machine.Fire(Signal.Begin);
        Assert.Equal(Phase.Running, machine.State);
    }

    private enum Phase
    {
        Idle,
        Running,
    }

    private enum Signal
    {
        Begin,
    }
}
