namespace SupportBot.StateMachine.Tests;

/// <summary>A small machine with hierarchy, a guard and a dynamic transition, shared by the graph and reflection tests.</summary>
internal static class GraphFixture
{
    internal static StateMachineDefinition<string, string> Definition()
    {
        var builder = new StateMachineBuilder<string, string>("Idle");
        builder.Configure("Idle").Permit("start", "Support");
        builder.Configure("Support")
            .InitialTransition("Checking")
            .OnEntry(() => { }, "greet")
            .OnExit(() => { }, "say bye")
            .Permit("quit", "Idle");
        builder.Configure("Checking")
            .SubstateOf("Support")
            .PermitIf("ok", "Done", () => true, "licence valid")
            .PermitDynamic("route", () => "Idle", "by product", ["Idle", "Done"])
            .Ignore("noise");
        builder.Configure("Done").SubstateOf("Support").PermitReentry("again");
        return builder.Build();
    }
}
