using BenchmarkDotNet.Attributes;
using SupportBot.StateMachine;

namespace SupportBot.StateMachine.Bench;

/// <summary>The three costs that matter per conversation turn: fire, build once, bind per conversation.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StateMachineBenchmarks
{
    private StateMachineDefinition<string, string> _toggle = null!;
    private StateMachine<string, string> _bound = null!;
    private Conversation _conversation = null!;
    private Func<string> _get = null!;
    private Action<string> _set = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StateMachineBuilder<string, string>("Off");
        builder.Configure("Off").PermitIf("flip", "On", () => true, "always");
        builder.Configure("On").PermitIf("flip", "Off", () => true, "always");
        _toggle = builder.Build();
        _conversation = new Conversation { State = "Off" };
        var conversation = _conversation;
        _get = () => conversation.State;
        _set = s => conversation.State = s;
        _bound = _toggle.Bind(_get, _set);
    }

    /// <summary>(a) One trigger with one guard on a machine bound to external state.</summary>
    [Benchmark]
    public void FireWithGuard() => _bound.Fire("flip");

    /// <summary>(b) Configure and build a 100-state definition.</summary>
    [Benchmark]
    public StateMachineDefinition<string, string> Build100States()
    {
        var builder = new StateMachineBuilder<string, string>("S0");
        for (var i = 0; i < 100; i++)
        {
            builder.Configure(StateNames[i])
                .Permit("next", StateNames[(i + 1) % 100])
                .PermitIf("back", StateNames[(i + 99) % 100], () => true, "can go back")
                .OnEntry(() => { }, "enter");
        }

        return builder.Build();
    }

    /// <summary>(c) Bind the shared definition to a conversation (delegates already exist).</summary>
    [Benchmark]
    public StateMachine<string, string> Bind() => _toggle.Bind(_get, _set);

    /// <summary>(c') Bind including the closure and two delegates a caller typically creates per conversation.</summary>
    [Benchmark]
    public StateMachine<string, string> BindWithNewDelegates()
    {
        var conversation = _conversation;
        return _toggle.Bind(() => conversation.State, s => conversation.State = s);
    }

    private static readonly string[] StateNames = Enumerable.Range(0, 100).Select(i => "S" + i).ToArray();

    private sealed class Conversation
    {
        public string State { get; set; } = string.Empty;
    }
}
