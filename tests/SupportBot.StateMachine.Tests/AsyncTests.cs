namespace SupportBot.StateMachine.Tests;

public class AsyncTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task FireAsync_AsyncActions_RunInOrderAndAwaited()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B").OnExitAsync(async () =>
        {
            await Task.Yield();
            _log.Add("exit A");
        });
        machine.Configure("B").OnEntryAsync(async t =>
        {
            await Task.Delay(1);
            _log.Add($"enter B from {t.Source}");
        });
        await machine.FireAsync("go");
        Assert.Equal(["exit A", "enter B from A"], _log);
    }

    [Fact]
    public async Task FireAsync_AsyncGuard_IsAwaited()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A")
            .PermitIfAsync("go", "B", async () => { await Task.Yield(); return false; }, "remote check")
            .PermitIfAsync("go", "C", async () => { await Task.Yield(); return true; }, "other check");
        Assert.Equal(["go"], await machine.GetPermittedTriggersAsync());
        await machine.FireAsync("go");
        Assert.Equal("C", machine.State);
    }

    [Fact]
    public void Fire_AsyncEntryActionOnPath_ThrowsClearError()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B");
        machine.Configure("B").OnEntryAsync(() => Task.CompletedTask, "load ticket");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("go"));
        Assert.Contains("load ticket", error.Message, StringComparison.Ordinal);
        Assert.Contains("FireAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_AsyncGuardOnPath_ThrowsClearError()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitIfAsync("go", "B", () => Task.FromResult(true), "remote check");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("go"));
        Assert.Contains("remote check", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => machine.CanFire("go"));
        Assert.Equal("A", machine.State);
    }

    [Fact]
    public void Fire_AsyncActionsElsewhere_SyncPathStillWorks()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B");
        machine.Configure("C").OnEntryAsync(() => Task.CompletedTask);
        machine.Fire("go");
        Assert.Equal("B", machine.State);
    }

    [Fact]
    public async Task InternalTransitionAsync_Fired_AwaitsAction()
    {
        var machine = new StateMachine<string, string>("A");
        var say = machine.SetTriggerParameters<string>("say");
        machine.Configure("A")
            .InternalTransitionAsync("ping", async _ => { await Task.Yield(); _log.Add("ping"); })
            .InternalTransitionAsync(say, async (text, _) => { await Task.Yield(); _log.Add(text); });
        await machine.FireAsync("ping");
        await machine.FireAsync(say, "hello");
        Assert.Equal(["ping", "hello"], _log);
    }

    [Fact]
    public async Task PermitDynamicAsync_Selector_IsAwaited()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").PermitDynamicAsync("route", async () => { await Task.Yield(); return "B"; });
        await machine.FireAsync("route");
        Assert.Equal("B", machine.State);
    }

    [Fact]
    public async Task OnTransitionedAsync_Handlers_Awaited()
    {
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B");
        machine.OnTransitionedAsync(async t => { await Task.Yield(); _log.Add("transitioned"); });
        machine.OnTransitionCompletedAsync(async t => { await Task.Yield(); _log.Add("completed"); });
        await machine.FireAsync("go");
        Assert.Equal(["transitioned", "completed"], _log);
    }
}
