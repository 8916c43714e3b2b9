using System.Security.Cryptography;
using System.Text;
using SupportBot.Flows.Model;
using SupportBot.Flows.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Flows.Loading;

/// <summary>Reads one flow file into a <see cref="FlowDefinition"/>, collecting every structural error.</summary>
internal sealed partial class FlowFileReader
{
    private readonly YamlNodes _y;
    private readonly string _file;
    private string? _defaultResolved;
    private string? _defaultGaveUp;

    // Stands in for a text that failed to load; the flow is rejected anyway, this only lets the other checks run.
    private static readonly LocalizedText Missing = new() { Ja = "(missing)" };

    private FlowFileReader(string file, List<FlowError> errors)
    {
        _file = file;
        _y = new YamlNodes(file, errors);
    }

    /// <summary>Parses <paramref name="yaml"/>; returns null when the file cannot form a flow at all.</summary>
    public static FlowDefinition? Read(string file, string yaml, List<FlowError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new FlowError(file, null, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new FlowError(file, null, 1, "a flow file holds exactly one mapping (id, version, title, examples, start, states)"));
            return null;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)))[..12];
        return new FlowFileReader(file, errors).ReadFlow(root, hash);
    }

    private FlowDefinition? ReadFlow(YamlMappingNode root, string hash)
    {
        _y.OnlyKeys(root, "the flow", "id", "version", "title", "examples", "start", "defaults", "states");
        var id = _y.Scalar(root, "id", "the flow");
        var version = _y.Scalar(root, "version", "the flow");
        if (version is not null && !IsVersion(version)) _y.Error(_y.Child(root, "version"), $"version '{version}' must be an integer or semver (1, 2.0.1)");
        var title = Text(root, "title", "the flow");
        var examples = ReadExamples(_y.Child(root, "examples"));
        var start = _y.Scalar(root, "start", "the flow");
        if (_y.Mapping(_y.Child(root, "defaults"), "defaults") is { } defaults)
        {
            _y.OnlyKeys(defaults, "defaults", "resolved", "gaveUp");
            _defaultResolved = _y.Scalar(defaults, "resolved", "defaults", required: false);
            _defaultGaveUp = _y.Scalar(defaults, "gaveUp", "defaults", required: false);
        }
        var statesNode = _y.Child(root, "states");
        if (statesNode is null) _y.Error(root, "the flow needs 'states'");
        var states = _y.Sequence(statesNode, "states").Select(ReadState).OfType<FlowState>().ToList();
        if (id is null || version is null || title is null || start is null) return null;
        return new FlowDefinition
        {
            Id = id, Version = version, Title = title, Examples = examples, Start = start,
            States = states, SourceFile = _file, ContentHash = hash,
        };
    }

    private static bool IsVersion(string v) =>
        System.Text.RegularExpressions.Regex.IsMatch(v, @"^\d+(\.\d+\.\d+([-+][0-9A-Za-z.-]+)?)?$");

    private LocalizedList ReadExamples(YamlNode? node)
    {
        if (_y.Mapping(node, "examples") is not { } map) return LocalizedList.Empty;
        _y.OnlyKeys(map, "examples", "ja", "en");
        var ja = _y.Strings(_y.Child(map, "ja"), "examples.ja");
        if (ja.Count == 0) _y.Error(map, "examples need at least one Japanese phrase under 'ja'");
        return new LocalizedList { Ja = ja, En = _y.Strings(_y.Child(map, "en"), "examples.en") };
    }

    private FlowState? ReadState(YamlNode node)
    {
        _y.StateId = null;
        if (_y.Mapping(node, "a state") is not { } map) return null;
        var id = _y.Scalar(map, "id", "a state");
        _y.StateId = id;
        var kinds = new[] { "ask", "step", "end" }.Where(k => _y.Child(map, k) is not null).ToList();
        if (kinds.Count != 1)
        {
            _y.Error(map, kinds.Count == 0 ? "a state needs exactly one of 'ask', 'step' or 'end'" : $"a state cannot have both '{kinds[0]}' and '{kinds[1]}'");
            return null;
        }
        var state = kinds[0] switch
        {
            "ask" => ReadAsk(map),
            "step" => ReadStep(map),
            _ => ReadEnd(map),
        };
        return id is null || state is null ? null : state with
        {
            Id = id,
            Say = [.. _y.Sequence(_y.Child(map, "say"), "say").Select(n => Text(n, "say")).OfType<LocalizedText>()],
            Help = _y.Child(map, "help") is { } help ? Text(help, "help") : null,
            Line = (int)map.Start.Line,
        };
    }

    private FlowState? ReadAsk(YamlMappingNode map)
    {
        _y.OnlyKeys(map, "an ask state", "id", "say", "ask", "help", "choices", "input", "check");
        var text = Text(map, "ask", "an ask state");
        var choices = _y.Sequence(_y.Child(map, "choices"), "choices").Select(ReadChoice).OfType<FlowChoice>().ToList();
        var input = _y.Child(map, "input") is { } inputNode ? ReadInput(inputNode) : null;
        if (choices.Count == 0 && _y.Child(map, "input") is null) _y.Error(map, "an ask state needs 'choices', an 'input', or both");
        var check = _y.Child(map, "check") is { } checkNode ? ReadCheck(checkNode) : null;
        return new FlowState { Id = "", Kind = FlowStateKind.Ask, Text = text ?? Missing, Choices = choices, Input = input, Check = check };
    }

    private FlowState? ReadStep(YamlMappingNode map)
    {
        _y.OnlyKeys(map, "a step state", "id", "say", "step", "help", "next", "resolved");
        var text = Text(map, "step", "a step state");
        var next = Branches(_y.Child(map, "next"), map, "a step's 'next' (where to go when not fixed)");
        var resolved = _y.Scalar(map, "resolved", "a step", required: false) ?? _defaultResolved;
        if (resolved is null) _y.Error(map, "a step needs 'resolved' (or the flow needs defaults.resolved)");
        // Keep the state even when parts are missing, so the graph checks still see it (errors are already recorded).
        FlowChoice From(FlowChoiceTemplate t, IReadOnlyList<FlowBranch> to) => new() { Id = t.Id, Label = t.Label, Synonyms = t.Synonyms, Next = to };
        return new FlowState
        {
            Id = "", Kind = FlowStateKind.Step, Text = text ?? Missing,
            Choices = [From(EngineTexts.Resolved, resolved is null ? [] : [new FlowBranch(null, resolved)]), From(EngineTexts.NotResolved, next ?? [])],
        };
    }

    private FlowState? ReadEnd(YamlMappingNode map)
    {
        _y.OnlyKeys(map, "an end state", "id", "say", "end", "text", "help");
        var outcomeText = _y.Scalar(map, "end", "an end state");
        var outcome = FlowOutcomeNames.Parse(outcomeText);
        if (outcomeText is not null && outcome is not (FlowOutcome.Resolved or FlowOutcome.Escalated or FlowOutcome.OutOfScope) || outcomeText == "escalated")
            _y.Error(_y.Child(map, "end"), $"'end: {outcomeText}' must be resolved, escalate or out-of-scope");
        var text = Text(map, "text", "an end state");
        return new FlowState { Id = "", Kind = FlowStateKind.End, Text = text ?? Missing, Outcome = outcome ?? FlowOutcome.Escalated };
    }
}
