using SupportBot.Flows.Model;

namespace SupportBot.Flows.Loading;

/// <summary>Loads and validates flow files; every error is reported, none stops the others being found.</summary>
public static class FlowLoader
{
    /// <summary>Parses and validates one flow file's text.</summary>
    /// <param name="file">Name used in error messages.</param>
    /// <param name="yaml">The file content.</param>
    /// <param name="errors">Receives every problem found.</param>
    /// <returns>The flow, or null when it has errors.</returns>
    public static FlowDefinition? LoadText(string file, string yaml, List<FlowError> errors)
    {
        var before = errors.Count;
        var flow = FlowFileReader.Read(file, yaml, errors);
        if (flow is null) return null;
        FlowGraphChecks.Run(flow, errors);
        var slots = FlowSlotChecks.Run(flow, errors);
        return errors.Count > before ? null : flow with { Slots = slots };
    }

    /// <summary>Loads every <c>*.yaml</c> flow in <paramref name="directory"/> (not <c>*.tests.yaml</c>).</summary>
    public static (IReadOnlyList<FlowDefinition> Flows, IReadOnlyList<FlowError> Errors) LoadDirectory(string directory)
    {
        var errors = new List<FlowError>();
        var flows = new List<FlowDefinition>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new FlowError(directory, null, 0, "the dialogs directory does not exist"));
            return (flows, errors);
        }
        foreach (var path in FlowFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (LoadText(name, File.ReadAllText(path), errors) is { } flow) flows.Add(flow);
        }
        foreach (var dup in flows.GroupBy(f => f.Id).Where(g => g.Count() > 1))
            errors.Add(new FlowError(dup.Last().SourceFile, null, 1, $"flow id '{dup.Key}' is also used by {dup.First().SourceFile}"));
        return (flows, errors);
    }

    /// <summary>The flow files of a directory, sorted by name.</summary>
    public static IEnumerable<string> FlowFiles(string directory) => Directory
        .EnumerateFiles(directory, "*.yaml")
        .Where(p => !p.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.Ordinal);
}
