using SupportBot.Flows.Conditions;
using SupportBot.Flows.Model;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Flows.Loading;

/// <summary>Readers for the parts of a state: texts, branches, choices, inputs and checks.</summary>
internal sealed partial class FlowFileReader
{
    private const int DefaultMaxAttempts = 3;

    private LocalizedText? Text(YamlMappingNode map, string key, string where)
    {
        var node = _y.Child(map, key);
        if (node is null)
        {
            _y.Error(map, $"{where} needs '{key}'");
            return null;
        }
        return Text(node, key);
    }

    private LocalizedText? Text(YamlNode node, string what)
    {
        if (_y.Mapping(node, $"'{what}' (a text with ja and en)") is not { } map) return null;
        _y.OnlyKeys(map, $"'{what}'", "ja", "en");
        var ja = _y.Scalar(map, "ja", $"'{what}'", required: false);
        if (ja is null) _y.Error(map, $"'{what}' is missing its Japanese text (ja)");
        var en = _y.Scalar(map, "en", $"'{what}'", required: false);
        return ja is null ? null : new LocalizedText { Ja = ja.TrimEnd(), En = en?.TrimEnd() };
    }

    /// <summary>Reads <c>next: target</c> or <c>next: [{when: cond, goto: target}, ..., {goto: target}]</c>.</summary>
    private List<FlowBranch>? Branches(YamlNode? node, YamlNode owner, string what)
    {
        switch (node)
        {
            case null:
                _y.Error(owner, $"{what} is missing");
                return null;
            case YamlScalarNode { Value: { Length: > 0 } target }:
                return [new FlowBranch(null, target)];
        }
        var branches = new List<FlowBranch>();
        var badCondition = false;
        foreach (var item in _y.Sequence(node, what))
        {
            if (_y.Mapping(item, "a branch") is not { } map) continue;
            _y.OnlyKeys(map, "a branch", "when", "goto");
            var target = _y.Scalar(map, "goto", "a branch");
            Condition? condition = null;
            if (_y.Scalar(map, "when", "a branch", required: false) is { } text)
            {
                var (parsed, error) = ConditionParser.Parse(text);
                if (error is not null) _y.Error(_y.Child(map, "when"), error);
                badCondition |= error is not null;
                condition = parsed;
            }
            if (target is not null) branches.Add(new FlowBranch(condition, target));
        }
        if (branches.Count == 0) _y.Error(node, $"{what} has no target");
        else if (branches[^1].When is not null) _y.Error(node, $"{what}: the last branch must have no 'when' (it is the 'otherwise')");
        else if (!badCondition && branches.Take(branches.Count - 1).Any(b => b.When is null)) _y.Error(node, $"{what}: only the last branch may omit 'when'");
        return branches;
    }

    private FlowChoice? ReadChoice(YamlNode node)
    {
        if (_y.Mapping(node, "a choice") is not { } map) return null;
        _y.OnlyKeys(map, "a choice", "id", "label", "synonyms", "set", "next");
        var id = _y.Scalar(map, "id", "a choice");
        var label = Text(map, "label", $"choice '{id}'");
        var synonyms = LocalizedList.Empty;
        if (_y.Mapping(_y.Child(map, "synonyms"), "synonyms") is { } syn)
        {
            _y.OnlyKeys(syn, "synonyms", "ja", "en");
            synonyms = new LocalizedList { Ja = _y.Strings(_y.Child(syn, "ja"), "synonyms.ja"), En = _y.Strings(_y.Child(syn, "en"), "synonyms.en") };
        }
        var set = new Dictionary<string, string>();
        if (_y.Mapping(_y.Child(map, "set"), "set") is { } setMap)
        {
            foreach (var (key, value) in setMap.Children)
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } k } && value is YamlScalarNode { Value: { Length: > 0 } v }) set[k] = v;
                else _y.Error(key, "'set' maps slot names to single values");
            }
        }
        var next = Branches(_y.Child(map, "next"), map, $"choice '{id}' 'next'");
        return id is null || label is null || next is null ? null
            : new FlowChoice { Id = id, Label = label, Synonyms = synonyms, Set = set, Next = next };
    }

    private FlowInput? ReadInput(YamlNode node)
    {
        if (_y.Mapping(node, "input") is not { } map) return null;
        _y.OnlyKeys(map, "input", "kind", "slot", "min", "max", "retry", "maxAttempts", "next", "gaveUp");
        var kindText = _y.Scalar(map, "kind", "input");
        var kind = InputKindNames.Parse(kindText);
        if (kindText is not null && kind is null)
            _y.Error(_y.Child(map, "kind"), $"input kind '{kindText}' is unknown (text, number, version, company-code, license-key)");
        var slot = _y.Scalar(map, "slot", "input");
        var retry = Text(map, "retry", "input");
        var maxAttempts = _y.Integer(map, "maxAttempts", "input") ?? DefaultMaxAttempts;
        if (maxAttempts < 1) _y.Error(_y.Child(map, "maxAttempts"), "maxAttempts must be 1 or more");
        var (min, max) = (_y.Integer(map, "min", "input"), _y.Integer(map, "max", "input"));
        if ((min is not null || max is not null) && kind is not InputKind.Number) _y.Error(map, "min/max apply to number inputs only");
        var next = Branches(_y.Child(map, "next"), map, "input 'next'");
        var gaveUp = _y.Scalar(map, "gaveUp", "input", required: false) ?? _defaultGaveUp;
        if (gaveUp is null) _y.Error(map, "an input needs 'gaveUp' (or the flow needs defaults.gaveUp)");
        return kind is null || slot is null || retry is null || next is null || gaveUp is null ? null : new FlowInput
        {
            Kind = kind.Value, Slot = slot, Min = min, Max = max, Retry = retry,
            MaxAttempts = Math.Max(1, maxAttempts), Next = next, GaveUp = gaveUp,
        };
    }

    private FlowCheck? ReadCheck(YamlNode node)
    {
        if (_y.Mapping(node, "check") is not { } map) return null;
        _y.OnlyKeys(map, "check", "kind", "with", "checking", "outcomes", "facts");
        var kind = _y.Scalar(map, "kind", "check");
        var names = kind is null ? null : Checks.CheckOutcomes.ByKind.GetValueOrDefault(kind);
        if (kind is not null && names is null)
            _y.Error(_y.Child(map, "kind"), $"check kind '{kind}' is unknown ({string.Join(", ", Checks.CheckOutcomes.ByKind.Keys)})");
        var parameters = Pairs(_y.Mapping(_y.Child(map, "with"), "check 'with'"), "check 'with'");
        var facts = Pairs(_y.Mapping(_y.Child(map, "facts"), "check 'facts'"), "check 'facts' (fact name → slot)");
        var checking = Text(map, "checking", "a check");
        var outcomes = new Dictionary<string, FlowCheckOutcome>();
        var outcomesMap = _y.Mapping(_y.Child(map, "outcomes"), "check 'outcomes'");
        foreach (var (key, value) in outcomesMap?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = (key as YamlScalarNode)?.Value;
            if (string.IsNullOrEmpty(name) || _y.Mapping(value, $"check outcome '{name}' (choice and finding)") is not { } outcome) continue;
            if (names is not null && !names.Contains(name)) _y.Error(key, $"check outcome '{name}' is unknown for {kind} ({string.Join(", ", names)})");
            _y.OnlyKeys(outcome, $"check outcome '{name}'", "choice", "finding");
            var choice = _y.Scalar(outcome, "choice", $"check outcome '{name}'");
            var finding = Text(outcome, "finding", $"check outcome '{name}'");
            if (choice is not null && finding is not null) outcomes[name] = new FlowCheckOutcome(choice, finding);
        }
        if (outcomesMap is null || outcomesMap.Children.Count == 0) _y.Error(map, "a check needs 'outcomes' (check outcome → choice and finding)");
        return kind is null || checking is null ? null
            : new FlowCheck { Kind = kind, Parameters = parameters, Checking = checking, Outcomes = outcomes, Facts = facts, Line = (int)map.Start.Line };
    }

    private Dictionary<string, string> Pairs(YamlMappingNode? map, string what)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } k } && value is YamlScalarNode { Value: { Length: > 0 } v }) pairs[k] = v;
            else _y.Error(key, $"{what} maps names to single values");
        }
        return pairs;
    }
}
