namespace SupportBot.Flows.Model;

/// <summary>One troubleshooting flow as loaded from a YAML file under <c>dialogs/</c>.</summary>
public sealed record FlowDefinition
{
    /// <summary>Kebab-case flow id, e.g. <c>passage-license</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version as written (an integer or a semver string).</summary>
    public required string Version { get; init; }

    /// <summary>Short title shown when the bot asks which flow the user means.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Phrases users type for this problem; used by routing.</summary>
    public LocalizedList Examples { get; init; } = LocalizedList.Empty;

    /// <summary>Id of the first state.</summary>
    public required string Start { get; init; }

    /// <summary>All states, in file order.</summary>
    public required IReadOnlyList<FlowState> States { get; init; }

    /// <summary>The slots the flow reads and writes, with their types (inferred from inputs and <c>set</c>).</summary>
    public IReadOnlyDictionary<string, SlotInfo> Slots { get; init; } = new Dictionary<string, SlotInfo>();

    /// <summary>File the flow came from (for error messages).</summary>
    public string SourceFile { get; init; } = "";

    /// <summary>Hash of the file content; tells two revisions of the same version apart.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>The state with the given id, or null.</summary>
    public FlowState? Find(string id) => States.FirstOrDefault(s => s.Id == id);

    /// <summary>The state with the given id; throws when it is missing (ids are validated at load).</summary>
    public FlowState Get(string id) => Find(id) ?? throw new KeyNotFoundException($"Flow '{Id}' has no state '{id}'.");
}

/// <summary>The type of a slot, which decides how conditions compare it.</summary>
public enum SlotType
{
    /// <summary>Free text or an enumerated value; compared with <c>==</c>/<c>!=</c> only.</summary>
    Text,

    /// <summary>An integer (e.g. remaining days).</summary>
    Number,

    /// <summary>A product version compared component by component (2.5.0 &lt; 2.10).</summary>
    Version,
}

/// <summary>What the loader knows about a slot.</summary>
/// <param name="Type">How values compare.</param>
/// <param name="Values">The values <c>set:</c> can give it (empty when free).</param>
/// <param name="Sensitive">True for license keys: stored masked only.</param>
public sealed record SlotInfo(SlotType Type, IReadOnlySet<string> Values, bool Sensitive);
