using System.Text.RegularExpressions;
using SupportBot.Flows.Conditions;
using SupportBot.Flows.Inputs;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Loading;

/// <summary>Infers the slot table and checks conditions, <c>{slot}</c> placeholders and agent checks against it.</summary>
internal static partial class FlowSlotChecks
{
    /// <summary>Agent check kinds the PC helper knows (DESIGN.md §7), each with its outcome names.</summary>
    public static IEnumerable<string> CheckKinds => Checks.CheckOutcomes.ByKind.Keys;

    public static Dictionary<string, SlotInfo> Run(FlowDefinition flow, List<FlowError> errors)
    {
        void Error(FlowState s, string message) => errors.Add(new FlowError(flow.SourceFile, s.Id, s.Line, message));
        var slots = new Dictionary<string, SlotInfo>();
        var fromInput = new HashSet<string>();
        foreach (var state in flow.States)
        {
            if (state.Input is { } input)
            {
                Declare(state, input.Slot, input.Kind.SlotType(), null, input.Kind == InputKind.LicenseKey);
                fromInput.Add(input.Slot);
                if (input.Kind == InputKind.LicenseKey) Declare(state, LookAlikeSlot(input.Slot), SlotType.Number, null, false);
            }
            foreach (var (slot, value) in state.Choices.SelectMany(c => c.Set)) Declare(state, slot, SlotType.Text, value, false);
        }
        foreach (var state in flow.States)
        {
            var conditions = state.Choices.SelectMany(c => c.Next).Concat(state.Input?.Next ?? []).Select(b => b.When).OfType<Condition>();
            foreach (var c in conditions.SelectMany(Comparisons)) CheckComparison(state, c);
            foreach (var c in conditions.SelectMany(SetTests).Where(c => !slots.ContainsKey(c.Slot)))
                Error(state, $"condition '{c.Text}' reads unknown slot '{c.Slot}'");
            foreach (var text in Texts(state))
            {
                foreach (Match m in Placeholder().Matches(text))
                    if (!slots.ContainsKey(m.Groups[1].Value)) Error(state, $"text uses unknown slot '{{{m.Groups[1].Value}}}'");
            }
            if (state.Check is { } check) CheckCheck(state, check);
        }
        return slots;

        // Kinds and outcome names are checked by the reader (exact lines); here: choices, placeholders and fact slots.
        void CheckCheck(FlowState state, FlowCheck check)
        {
            void CheckError(string message) => errors.Add(new FlowError(flow.SourceFile, state.Id, check.Line, message));
            foreach (var (outcome, target) in check.Outcomes.Where(o => state.Choices.All(c => c.Id != o.Value.Choice)))
                CheckError($"check outcome '{outcome}' maps to '{target.Choice}', which is not a choice of this state");
            var texts = check.Outcomes.Values.Select(o => o.Finding).Append(check.Checking).SelectMany(t => new[] { t.Ja, t.En }).OfType<string>();
            foreach (var text in texts.Concat(check.Parameters.Values))
            {
                foreach (Match m in Placeholder().Matches(text))
                {
                    var name = m.Groups[1].Value;
                    if (!slots.ContainsKey(name) && !check.Facts.ContainsKey(name)) CheckError($"check uses unknown slot '{{{name}}}'");
                }
            }
            foreach (var (fact, slot) in check.Facts.Where(f => !slots.ContainsKey(f.Value)))
                CheckError($"check copies fact '{fact}' into unknown slot '{slot}' (a slot is declared by an input or a choice's 'set')");
        }

        void Declare(FlowState state, string slot, SlotType type, string? value, bool sensitive)
        {
            if (slots.TryGetValue(slot, out var known) && known.Type != type)
            {
                Error(state, $"slot '{slot}' is used as {type} here but as {known.Type} elsewhere");
                return;
            }
            var values = known is null ? new HashSet<string>() : new HashSet<string>(known.Values);
            if (value is not null) values.Add(value);
            slots[slot] = new SlotInfo(type, values, sensitive || known?.Sensitive == true);
        }

        void CheckComparison(FlowState state, ComparisonCondition c)
        {
            if (!slots.TryGetValue(c.Slot, out var info))
            {
                Error(state, $"condition '{c.Text}' reads unknown slot '{c.Slot}' (slots: {string.Join(", ", slots.Keys)})");
                return;
            }
            var problem = info.Type switch
            {
                SlotType.Number when !int.TryParse(c.Literal, out _) => $"'{c.Literal}' is not a number",
                SlotType.Version when SoftwareVersion.TryParse(c.Literal) is null => $"'{c.Literal}' is not a version",
                SlotType.Text when c.Operator is not ("==" or "!=") => $"text slot '{c.Slot}' can only be compared with == or !=",
                SlotType.Text when !fromInput.Contains(c.Slot) && !info.Values.Contains(c.Literal) =>
                    $"slot '{c.Slot}' is never set to '{c.Literal}' (values: {string.Join(", ", info.Values)})",
                _ => null,
            };
            if (info.Sensitive) problem = $"slot '{c.Slot}' holds a license key and cannot be used in conditions";
            if (problem is not null) Error(state, $"condition '{c.Text}': {problem}");
        }
    }

    /// <summary>The number slot that counts look-alike characters in a license key slot.</summary>
    public static string LookAlikeSlot(string keySlot) => keySlot + "LookAlikes";

    private static IEnumerable<SlotSetCondition> SetTests(Condition c) => c switch
    {
        SlotSetCondition s => [s],
        LogicalCondition l => SetTests(l.Left).Concat(SetTests(l.Right)),
        _ => [],
    };

    private static IEnumerable<ComparisonCondition> Comparisons(Condition c) => c switch
    {
        ComparisonCondition cmp => [cmp],
        LogicalCondition l => Comparisons(l.Left).Concat(Comparisons(l.Right)),
        _ => [],
    };

    private static IEnumerable<string> Texts(FlowState s) =>
        s.Say.Append(s.Text).Append(s.Help).OfType<LocalizedText>().SelectMany(t => new[] { t.Ja, t.En }).OfType<string>();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
