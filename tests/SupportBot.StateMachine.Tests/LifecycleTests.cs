namespace SupportBot.StateMachine.Tests;

public class LifecycleTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void Start_InitialState_RunsSuperstateThenOwnEntryAndInitialTransition()
    {
        var machine = new StateMachine<string, string>("Welcome");
        machine.Configure("Root").OnEntry(t => _log.Add($"enter Root start={t.IsStart}"));
        machine.Configure("Welcome").SubstateOf("Root").InitialTransition("Greeting").OnEntry(() => _log.Add("enter Welcome"))
            .OnEntryFrom("never", () => _log.Add("entry-from must not run"));
        machine.Configure("Greeting").SubstateOf("Welcome").OnEntry(() => _log.Add("enter Greeting"));

        machine.Start();

        Assert.Equal(["enter Root start=True", "enter Welcome", "enter Greeting"], _log);
        Assert.Equal("Greeting", machine.State);
    }

    [Fact]
    public async Task StartAsync_EntryFiresTrigger_QueuedTriggerProcessedAfterStart()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("next", "B").OnEntryAsync(async () =>
        {
            await Task.Yield();
            await machine.FireAsync("next");
            _log.Add("A entered");
        });
        machine.Configure("B").OnEntry(() => _log.Add("B entered"));
        await machine.StartAsync();
        Assert.Equal(["A entered", "B entered"], _log);
    }

    [Fact]
    public void Activate_Hierarchy_SuperstateFirstAndDeactivateReverse()
    {
        var machine = new StateMachine<string, string>("Sub");
        machine.Configure("Super").OnActivate(() => _log.Add("activate Super")).OnDeactivate(() => _log.Add("deactivate Super"));
        machine.Configure("Sub").SubstateOf("Super")
            .OnActivate(() => _log.Add("activate Sub")).OnDeactivate(() => _log.Add("deactivate Sub"));

        machine.Activate();
        machine.Activate(); // already active: no-op
        machine.Deactivate();

        Assert.Equal(["activate Super", "activate Sub", "deactivate Sub", "deactivate Super"], _log);
    }

    [Fact]
    public async Task ActivateAsync_AsyncActions_Awaited()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").OnActivateAsync(async () => { await Task.Yield(); _log.Add("on"); })
            .OnDeactivateAsync(async () => { await Task.Yield(); _log.Add("off"); });
        Assert.Throws<InvalidOperationException>(() => machine.Activate());
        await machine.ActivateAsync();
        await machine.DeactivateAsync();
        Assert.Equal(["on", "off"], _log);
    }

    [Fact]
    public void Fire_EntryActionThrows_StateChangedRemainingSkippedQueueCleared()
    {
        var machine = new StateMachine<string, string>("A");
        var completed = false;
        machine.OnTransitionCompleted(_ => completed = true);
        machine.Configure("A").Permit("go", "B").OnEntry(() => _log.Add("enter A"));
        machine.Configure("B")
            .Permit("back", "A")
            .OnEntry(() => machine.Fire("back"))
            .OnEntry(() => throw new InvalidDataException("boom"))
            .OnEntry(() => _log.Add("never runs"));

        var error = Assert.Throws<InvalidDataException>(() => machine.Fire("go"));

        Assert.Equal("boom", error.Message);
        Assert.Equal("B", machine.State);
        Assert.False(completed);
        Assert.Empty(_log); // neither the third entry action nor the queued "back" ran

        Assert.Throws<InvalidOperationException>(() => machine.Configure("C")); // frozen after the first Fire
    }

    [Fact]
    public void Fire_ExitActionThrows_StateUnchanged()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B").OnExit(() => throw new InvalidDataException("exit failed"));
        Assert.Throws<InvalidDataException>(() => machine.Fire("go"));
        Assert.Equal("A", machine.State);
    }
}
