using SupportBot.Flows.Compilation;
using SupportBot.Flows.Loading;

namespace SupportBot.Flows.Runtime;

/// <summary>
/// Every loaded flow version, compiled. New sessions use the latest version of a flow; a session keeps
/// the version (and revision) it started on, so reloading changed files never breaks a conversation.
/// Old versions stay loaded for the life of the catalog.
/// </summary>
public sealed class FlowCatalog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CompiledFlow> _all = new(StringComparer.Ordinal);
    private Dictionary<string, CompiledFlow> _latest = new(StringComparer.Ordinal);

    private FlowCatalog()
    {
    }

    /// <summary>Errors of the last load; the host refuses to start when there are any.</summary>
    public IReadOnlyList<FlowError> Errors { get; private set; } = [];

    /// <summary>The newest version of each flow, sorted by id.</summary>
    public IReadOnlyList<CompiledFlow> Flows
    {
        get { lock (_gate) return [.. _latest.Values.OrderBy(f => f.Id, StringComparer.Ordinal)]; }
    }

    /// <summary>Loads and compiles every flow in <paramref name="directory"/>; check <see cref="Errors"/>.</summary>
    public static FlowCatalog Load(string directory)
    {
        var catalog = new FlowCatalog();
        catalog.Reload(directory);
        return catalog;
    }

    /// <summary>
    /// Loads the directory again. With no errors, the new versions become the latest; with errors nothing
    /// changes. Either way every version loaded before stays available to running sessions.
    /// </summary>
    /// <returns>The errors found (empty on success).</returns>
    public IReadOnlyList<FlowError> Reload(string directory)
    {
        var (flows, errors) = FlowLoader.LoadDirectory(directory);
        if (errors.Count == 0)
        {
            var compiled = flows.Select(FlowCompiler.Compile).ToList();
            lock (_gate)
            {
                foreach (var flow in compiled) _all.TryAdd(Key(flow.Id, flow.Version, flow.Definition.ContentHash), flow);
                _latest = compiled.ToDictionary(f => f.Id, f => _all[Key(f.Id, f.Version, f.Definition.ContentHash)], StringComparer.Ordinal);
            }
        }
        Errors = errors;
        return errors;
    }

    /// <summary>Throws when the last load found errors (the host calls this at start-up); returns the catalog.</summary>
    /// <exception cref="FlowValidationException">There are flow errors.</exception>
    public FlowCatalog EnsureValid() => Errors.Count == 0 ? this : throw new FlowValidationException(Errors);

    /// <summary>The newest version of a flow, or null.</summary>
    public CompiledFlow? Latest(string id)
    {
        lock (_gate) return _latest.GetValueOrDefault(id);
    }

    /// <summary>The exact version a session is pinned to, or null when it was never loaded here.</summary>
    public CompiledFlow? Find(string id, string version, string revision)
    {
        lock (_gate) return _all.GetValueOrDefault(Key(id, version, revision));
    }

    /// <summary>The flow a session runs on (its pinned version).</summary>
    /// <exception cref="InvalidOperationException">The pinned version is not loaded.</exception>
    public CompiledFlow For(FlowSessionState session) =>
        Find(session.FlowId, session.FlowVersion, session.FlowRevision)
        ?? throw new InvalidOperationException($"Flow '{session.FlowId}' version {session.FlowVersion} ({session.FlowRevision}) is not loaded.");

    private static string Key(string id, string version, string revision) => $"{id}@{version}#{revision}";
}
