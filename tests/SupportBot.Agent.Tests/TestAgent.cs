using SupportBot.Agent.Checks;
using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

/// <summary>Builds agents (options + runner) for tests: a loopback allow-list and injected environment variables.</summary>
public static class TestAgent
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static AgentOptions Options(Uri? allowedBase = null, string? regFile = null, TimeSpan? checkLimit = null) => new()
    {
        CheckTimeLimit = checkLimit ?? TimeSpan.FromSeconds(10),
        RegistryExportFile = regFile is null ? null : Fixture(regFile),
        AllowList = AllowListOptions.PassageDefaults() with
        {
            Urls = allowedBase is null
                ? AllowListOptions.PassageDefaults().Urls
                : [.. AllowListOptions.PassageDefaults().Urls, new AllowedUrl(allowedBase.ToString(), "テストサーバー", "the test server")],
        },
    };

    public static CheckRunner Runner(AgentOptions options, IDictionary<string, string>? environment = null) =>
        CheckCatalog.CreateRunner(options, TimeProvider.System, name => environment?.TryGetValue(name, out var v) == true ? v : null);

    public static CheckRequest Job(string kind, params (string Name, string Value)[] parameters) =>
        new(Guid.NewGuid().ToString("n"), kind, parameters.ToDictionary(p => p.Name, p => p.Value), DateTimeOffset.UtcNow.AddMinutes(1));

    public static Task<CheckResult> RunAsync(this CheckRunner runner, CheckRequest job) =>
        runner.RunAsync(job, untilDeadline: null, CancellationToken.None);

    public static FactValue Fact(this CheckResult result, string name) =>
        result.Facts.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException(
            $"No fact '{name}'. Facts: {string.Join(", ", result.Facts.Select(f => f.Key + "=" + f.Value))}; evidence: {string.Join(" | ", result.Evidence)}");
}
