namespace SupportBot.Agent.Checks;

/// <summary>
/// One read-only check kind. Implementations record facts, evidence and phases on the context and set its status;
/// they throw <see cref="Security.CheckRefusedException"/> for anything outside the allow-list.
/// </summary>
public interface ICheck
{
    /// <summary>The kind name, one of <see cref="Contracts.CheckKinds"/>.</summary>
    string Kind { get; }

    /// <summary>This kind's own time limit; null uses the configured default (10 s).</summary>
    TimeSpan? TimeLimit => null;

    /// <summary>Runs the check. <paramref name="cancellationToken"/> fires at the time limit or deadline.</summary>
    Task RunAsync(CheckContext context, CancellationToken cancellationToken);
}
