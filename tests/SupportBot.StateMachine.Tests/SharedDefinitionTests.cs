namespace SupportBot.StateMachine.Tests;

public class SharedDefinitionTests
{
    private static StateMachineDefinition<string, string> Toggle()
    {
        var builder = new StateMachineBuilder<string, string>("Off");
        builder.Configure("Off").PermitIf("flip", "On", () => true, "always");
        builder.Configure("On").Permit("flip", "Off");
        return builder.Build();
    }

    [Fact]
    public void Bind_ManyMachinesFiredConcurrently_EachStateCorrect()
    {
        var definition = Toggle();
        const int conversations = 10_000;
        var states = Enumerable.Repeat("Off", conversations).ToArray();
        var machines = Enumerable.Range(0, conversations)
            .Select(i => definition.Bind(() => states[i], s => states[i] = s))
            .ToArray();

        // Each thread owns a slice of conversations; conversation i is flipped i % 5 + 1 times.
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (var i = worker; i < conversations; i += 4)
            {
                for (var n = 0; n < i % 5 + 1; n++)
                {
                    machines[i].Fire("flip");
                }
            }
        });

        for (var i = 0; i < conversations; i++)
        {
            Assert.Equal((i % 5 + 1) % 2 == 1 ? "On" : "Off", states[i]);
        }
    }

    [Fact]
    public void Build_ThenConfigure_Throws()
    {
        var builder = new StateMachineBuilder<string, string>();
        var config = builder.Configure("A");
        var definition = builder.Build();
        Assert.Same(definition, builder.Build());
        Assert.True(builder.IsBuilt);
        Assert.Throws<InvalidOperationException>(() => builder.Configure("B"));
        Assert.Throws<InvalidOperationException>(() => config.Permit("x", "B"));
    }

    [Fact]
    public void BoundMachine_Configure_ThrowsPointingToBuilder()
    {
        var machine = Toggle().CreateMachine("Off");
        var error = Assert.Throws<InvalidOperationException>(() => machine.Configure("Off"));
        Assert.Contains("StateMachineBuilder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateMachine_OwnState_IndependentOfOtherMachines()
    {
        var definition = Toggle();
        var first = definition.CreateMachine("Off");
        var second = definition.CreateMachine("Off");
        first.Fire("flip");
        Assert.Equal("On", first.State);
        Assert.Equal("Off", second.State);
        Assert.Equal("Off", definition.InitialState);
    }

    [Fact]
    public void Bind_MachineSize_AllocatesLessThan200Bytes()
    {
        var definition = Toggle();
        var state = "Off";
        Func<string> get = () => state;
        Action<string> set = s => state = s;
        definition.Bind(get, set); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var machine = definition.Bind(get, set);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(machine);
        Assert.True(allocated < 200, $"Bind allocated {allocated} bytes");
    }
}
