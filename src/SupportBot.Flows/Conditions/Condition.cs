using SupportBot.Flows.Inputs;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Conditions;

/// <summary>A parsed <c>when:</c> condition; <see cref="Text"/> is what the author wrote.</summary>
public abstract record Condition(string Text)
{
    /// <summary>Evaluates against the slots collected so far. A missing slot makes a comparison false.</summary>
    public abstract bool Evaluate(IReadOnlyDictionary<string, string> slots, IReadOnlyDictionary<string, SlotInfo> types);

    /// <summary>Every slot the condition reads.</summary>
    public abstract IEnumerable<string> Slots { get; }
}

/// <summary><c>a and b</c> / <c>a or b</c>.</summary>
public sealed record LogicalCondition(string Text, bool IsAnd, Condition Left, Condition Right) : Condition(Text)
{
    /// <inheritdoc />
    public override bool Evaluate(IReadOnlyDictionary<string, string> slots, IReadOnlyDictionary<string, SlotInfo> types) =>
        IsAnd ? Left.Evaluate(slots, types) && Right.Evaluate(slots, types)
              : Left.Evaluate(slots, types) || Right.Evaluate(slots, types);

    /// <inheritdoc />
    public override IEnumerable<string> Slots => Left.Slots.Concat(Right.Slots);
}

/// <summary><c>slot op literal</c>, compared as the slot's type.</summary>
public sealed record ComparisonCondition(string Text, string Slot, string Operator, string Literal) : Condition(Text)
{
    /// <summary>The operators the language knows.</summary>
    public static readonly IReadOnlyList<string> Operators = ["==", "!=", "<=", ">=", "<", ">"];

    /// <inheritdoc />
    public override IEnumerable<string> Slots => [Slot];

    /// <inheritdoc />
    public override bool Evaluate(IReadOnlyDictionary<string, string> slots, IReadOnlyDictionary<string, SlotInfo> types)
    {
        if (!slots.TryGetValue(Slot, out var value)) return false;
        var type = types.TryGetValue(Slot, out var info) ? info.Type : SlotType.Text;
        int? order = type switch
        {
            SlotType.Number when int.TryParse(value, out var a) && int.TryParse(Literal, out var b) => a.CompareTo(b),
            SlotType.Version when SoftwareVersion.TryParse(value) is { } a && SoftwareVersion.TryParse(Literal) is { } b => a.CompareTo(b),
            SlotType.Text => string.Equals(value, Literal, StringComparison.Ordinal) ? 0 : 1,
            _ => null,
        };
        return order is { } c && Operator switch
        {
            "==" => c == 0,
            "!=" => c != 0,
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }
}

/// <summary><c>slot is set</c> / <c>slot is not set</c>: whether an answer was collected.</summary>
public sealed record SlotSetCondition(string Text, string Slot, bool MustBeSet) : Condition(Text)
{
    /// <inheritdoc />
    public override IEnumerable<string> Slots => [Slot];

    /// <inheritdoc />
    public override bool Evaluate(IReadOnlyDictionary<string, string> slots, IReadOnlyDictionary<string, SlotInfo> types) =>
        slots.ContainsKey(Slot) == MustBeSet;
}
