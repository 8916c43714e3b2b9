namespace SupportBot.StateMachine.Tests;

public class FiringTests
{
    private readonly List<string> _log = [];

    private StateMachine<string, string> Create(FiringMode mode)
    {
        var machine = new StateMachine<string, string>("A", mode);
        machine.Configure("A").Permit("toB", "B");
        machine.Configure("B").Permit("toC", "C")
            .OnEntry(() =>
            {
                _log.Add("enter B start");
                machine.Fire("toC");
                _log.Add("enter B end");
            })
            .OnExit(() => _log.Add("exit B"));
        machine.Configure("C").OnEntry(() => _log.Add("enter C"));
        return machine;
    }

    [Fact]
    public void Fire_Queued_NestedTriggerRunsAfterCurrentFinishes()
    {
        var machine = Create(FiringMode.Queued);
        machine.Fire("toB");
        Assert.Equal(["enter B start", "enter B end", "exit B", "enter C"], _log);
        Assert.Equal("C", machine.State);
    }

    [Fact]
    public void Fire_Immediate_NestedTriggerRunsAtOnce()
    {
        var machine = Create(FiringMode.Immediate);
        machine.Fire("toB");
        Assert.Equal(["enter B start", "exit B", "enter C", "enter B end"], _log);
        Assert.Equal("C", machine.State);
    }

    [Fact]
    public void Fire_QueuedSeveralNested_ProcessedFirstInFirstOut()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B");
        machine.Configure("B")
            .OnEntry(() =>
            {
                machine.Fire("one");
                machine.Fire("two");
            })
            .InternalTransition("one", _ => _log.Add("one"))
            .InternalTransition("two", _ => _log.Add("two"));
        machine.Fire("go");
        Assert.Equal(["one", "two"], _log);
    }

    [Fact]
    public void FiringMode_Default_IsQueued()
    {
        Assert.Equal(FiringMode.Queued, new StateMachine<string, string>("A").FiringMode);
    }
}
