using SupportBot.Flows.Conditions;

namespace SupportBot.Flows.Model;

/// <summary>
/// One edge of a flow graph: answering <see cref="Trigger"/> in <see cref="Source"/> leads to
/// <see cref="Target"/> when <see cref="When"/> holds and no earlier branch of the same answer did.
/// </summary>
public sealed record FlowTransition(string Source, string Trigger, string Target, Condition? When, int Branch, IReadOnlyList<Condition> Earlier)
{
    /// <summary>Trigger fired by a valid typed answer.</summary>
    public const string Answered = "answered";

    /// <summary>Trigger fired when a typed input runs out of attempts.</summary>
    public const string GaveUp = "gave-up";

    /// <summary>A stable key for coverage reports, e.g. <c>ask-days --answered[1]--> urgent</c>.</summary>
    public string Key => $"{Source} --{Trigger}[{Branch}]--> {Target}";

    /// <summary>The guard in words (the condition text, or "otherwise" after conditional branches).</summary>
    public string? GuardDescription => When is not null ? When.Text : Earlier.Count > 0 ? "otherwise" : null;

    /// <summary>Every edge of a flow, in file order.</summary>
    public static IReadOnlyList<FlowTransition> Of(FlowDefinition flow)
    {
        var list = new List<FlowTransition>();
        void Add(string source, string trigger, IReadOnlyList<FlowBranch> branches)
        {
            for (var i = 0; i < branches.Count; i++)
            {
                var earlier = branches.Take(i).Select(b => b.When).OfType<Condition>().ToList();
                list.Add(new FlowTransition(source, trigger, branches[i].Goto, branches[i].When, i, earlier));
            }
        }
        foreach (var state in flow.States)
        {
            foreach (var choice in state.Choices) Add(state.Id, choice.Id, choice.Next);
            if (state.Input is { } input)
            {
                Add(state.Id, Answered, input.Next);
                Add(state.Id, GaveUp, [new FlowBranch(null, input.GaveUp)]);
            }
        }
        return list;
    }
}
