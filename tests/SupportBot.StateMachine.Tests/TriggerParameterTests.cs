namespace SupportBot.StateMachine.Tests;

public class TriggerParameterTests
{
    [Fact]
    public void Fire_TypedTrigger_EntryActionReceivesArguments()
    {
        var machine = new StateMachine<string, string>("A");
        var one = machine.SetTriggerParameters<string>("one");
        var two = machine.SetTriggerParameters<string, int>("two");
        var three = machine.SetTriggerParameters<string, int, bool>("three");
        var seen = new List<string>();
        machine.Configure("A").Permit("one", "B").Permit("two", "C").Permit("three", "D");
        machine.Configure("B").OnEntryFrom(one, (s, t) => seen.Add($"{s} via {t.Trigger}")).Permit("back", "A");
        machine.Configure("C").OnEntryFrom(two, (s, n, _) => seen.Add($"{s}{n}")).Permit("back", "A");
        machine.Configure("D").OnEntryFrom(three, (s, n, b, t) => seen.Add($"{s}{n}{b} {t.Parameters.Length}"));

        machine.Fire(one, "x");
        machine.Fire("back");
        machine.Fire(two, "y", 2);
        machine.Fire("back");
        machine.Fire(three, "z", 3, true);

        Assert.Equal(["x via one", "y2", "z3True 3"], seen);
    }

    [Fact]
    public void Fire_WrongArgumentType_Throws()
    {
        var machine = new StateMachine<string, string>("A");
        var one = machine.SetTriggerParameters<int>("one");
        machine.Configure("A").Permit("one", "B");
        var error = Assert.Throws<ArgumentException>(() => machine.Fire(one, "not an int"));
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
        Assert.Equal("A", machine.State);
    }

    [Fact]
    public void Fire_WrongArgumentCount_Throws()
    {
        var machine = new StateMachine<string, string>("A");
        var one = machine.SetTriggerParameters<int>("one");
        machine.Configure("A").Permit("one", "B");
        Assert.Throws<ArgumentException>(() => machine.Fire(one, 1, 2));
        Assert.Throws<ArgumentException>(() => machine.Fire("one"));
    }

    [Fact]
    public void SetTriggerParameters_Twice_Throws()
    {
        var machine = new StateMachine<string, string>("A");
        machine.SetTriggerParameters<int>("one");
        Assert.Throws<InvalidOperationException>(() => machine.SetTriggerParameters<string>("one"));
    }

    [Fact]
    public void PermitIf_TypedGuard_SeesArgument()
    {
        var machine = new StateMachine<string, string>("A");
        var code = machine.SetTriggerParameters<int>("code");
        machine.Configure("A").PermitIf(code, "Valid", n => n > 100, "code above 100");
        Assert.False(machine.CanFire(code, 5, out var unmet));
        Assert.Equal(["code above 100"], unmet);
        Assert.True(machine.CanFire(code, 500));
        machine.Fire(code, 500);
        Assert.Equal("Valid", machine.State);
    }

    [Fact]
    public async Task FireAsync_TypedTrigger_PassesArguments()
    {
        var machine = new StateMachine<string, string>("A");
        var two = machine.SetTriggerParameters<string, int>("two");
        string? seen = null;
        machine.Configure("A").Permit("two", "B");
        machine.Configure("B").OnEntryFromAsync("two", t =>
        {
            seen = $"{t.Parameters[0]}{t.Parameters[1]}";
            return Task.CompletedTask;
        });
        await machine.FireAsync(two, "k", 7);
        Assert.Equal("k7", seen);
    }

    [Fact]
    public void OnEntryFrom_OtherTrigger_DoesNotRun()
    {
        var machine = new StateMachine<string, string>("A");
        var ran = false;
        machine.Configure("A").Permit("x", "B").Permit("y", "B");
        machine.Configure("B").OnEntryFrom("y", () => ran = true);
        machine.Fire("x");
        Assert.False(ran);
    }
}
