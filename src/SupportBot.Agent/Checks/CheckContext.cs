using SupportBot.Agent.Contracts;
using SupportBot.Agent.Security;

namespace SupportBot.Agent.Checks;

/// <summary>What a running check sees (its request) and where it records what it found.</summary>
public sealed class CheckContext(CheckRequest request, AllowList allowList, TimeProvider time)
{
    private readonly Dictionary<string, FactValue> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _phases = new(StringComparer.Ordinal);
    private readonly List<string> _evidence = [];
    private readonly Lock _gate = new();

    /// <summary>The job.</summary>
    public CheckRequest Request { get; } = request;

    /// <summary>The agent's allow-list.</summary>
    public AllowList AllowList { get; } = allowList;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Outcome so far; checks set Pass or Fail. Error until they do.</summary>
    public CheckStatus Status { get; set; } = CheckStatus.Error;

    /// <summary>Why the status is what it is (optional, short, no secrets).</summary>
    public string? Reason { get; set; }

    /// <summary>Records (or replaces) a fact. Thread-safe: connect callbacks record from other threads.</summary>
    public void Fact(string name, FactValue value) { lock (_gate) _facts[name] = value; }

    /// <summary>Adds a human-readable evidence line (no secrets).</summary>
    public void Evidence(string line) { lock (_gate) _evidence.Add(line); }

    /// <summary>Records how long a phase took, in milliseconds (rounded to 0.1 ms).</summary>
    public void Phase(string name, TimeSpan elapsed) { lock (_gate) _phases[name] = Math.Round(elapsed.TotalMilliseconds, 1); }

    /// <summary>Elapsed time since <paramref name="startTimestamp"/> from <see cref="TimeProvider.GetTimestamp"/>.</summary>
    public TimeSpan Since(long startTimestamp) => Time.GetElapsedTime(startTimestamp);

    /// <summary>A required parameter; throws <see cref="CheckParameterException"/> when missing.</summary>
    public string Require(string name) =>
        Request.Parameter(name) ?? throw new CheckParameterException($"Missing parameter '{name}'.");

    /// <summary>An optional parameter, or null.</summary>
    public string? Optional(string name) => Request.Parameter(name);

    /// <summary>Snapshot of what was recorded (also after a timeout, so partial facts survive).</summary>
    internal (Dictionary<string, FactValue> Facts, List<string> Evidence, Dictionary<string, double> Phases) Snapshot()
    {
        lock (_gate) return (new(_facts), [.. _evidence], new(_phases));
    }

    /// <summary>True when a fact with this name was recorded.</summary>
    public bool HasFact(string name) { lock (_gate) return _facts.ContainsKey(name); }

    /// <summary>A recorded fact, or null.</summary>
    public FactValue? GetFact(string name) { lock (_gate) return _facts.GetValueOrDefault(name); }
}
