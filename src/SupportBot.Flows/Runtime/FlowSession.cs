using SupportBot.Flows.Compilation;

namespace SupportBot.Flows.Runtime;

/// <summary>An in-memory conversation with one flow: the engine plus its state (used by tests and tools).</summary>
public sealed class FlowSession
{
    private FlowSession(CompiledFlow flow, FlowSessionState state)
    {
        Flow = flow;
        State = state;
    }

    /// <summary>The pinned flow version.</summary>
    public CompiledFlow Flow { get; }

    /// <summary>The serialisable state.</summary>
    public FlowSessionState State { get; }

    /// <summary>True once the flow has an outcome.</summary>
    public bool HasEnded => State.Outcome is not null;

    /// <summary>Starts a new conversation on <paramref name="flow"/>.</summary>
    public static (FlowSession Session, FlowTurn Turn) Start(CompiledFlow flow, string? locale = null)
    {
        var (state, turn) = FlowEngine.Start(flow, locale);
        return (new FlowSession(flow, state), turn);
    }

    /// <summary>Continues a stored conversation on the version it started with.</summary>
    public static FlowSession Resume(FlowCatalog catalog, FlowSessionState state) => new(catalog.For(state), state);

    /// <summary>Sends one user message.</summary>
    public FlowTurn Send(string text) => FlowEngine.Continue(Flow, State, text);
}
