namespace SupportBot.StateMachine.Tests;

public class EventTests
{
    [Fact]
    public void Fire_Transition_EventsOrderedAroundActions()
    {
        var log = new List<string>();
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "B").OnExit(() => log.Add("exit A"));
        machine.Configure("B").OnEntry(() => log.Add("enter B"));
        machine.OnTransitioned(t => log.Add($"transitioned {t.Source}->{t.Destination} state={machine.State}"));
        machine.OnTransitionCompleted(t => log.Add($"completed {t.Source}->{t.Destination}"));

        machine.Fire("go");

        Assert.Equal(["exit A", "transitioned A->B state=B", "enter B", "completed A->B"], log);
    }

    [Fact]
    public void OnTransitionCompleted_WithInitialTransition_ReportsFinalState()
    {
        Transitioned? completed = null;
        var machine = new StateMachine<string, string>("A");
        machine.Configure("A").Permit("go", "Super");
        machine.Configure("Super").InitialTransition("Sub");
        machine.Configure("Sub").SubstateOf("Super");
        machine.OnTransitionCompleted(t => completed = new Transitioned(t.Source, t.Destination, t.Trigger));
        machine.Fire("go");
        Assert.Equal(new Transitioned("A", "Sub", "go"), completed);
    }

    private sealed record Transitioned(string Source, string Destination, string Trigger);
}
