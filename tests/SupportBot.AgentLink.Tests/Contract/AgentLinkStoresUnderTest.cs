using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Tests.Contract;

/// <summary>One instance's agent-link stores on the test's database, as the contract tests see them.</summary>
internal sealed record AgentLinkStoresUnderTest(IAgentLinkStore Links, IPairingFailureLog Failures, IAgentJobStore Jobs, IDisposable Lifetime) : IDisposable
{
    public void Dispose() => Lifetime.Dispose();
}
