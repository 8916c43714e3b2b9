namespace SupportBot.Storage.Tests.Contract;

/// <summary>One engine's stores opened on one database, as the contract tests see them.</summary>
public sealed record StorageUnderTest(
    IConversationStateStore States,
    IActivityLog Log,
    IDirectLineConversationRegistry Conversations,
    IStorageHealth Health,
    IDisposable Lifetime) : IDisposable
{
    public void Dispose() => Lifetime.Dispose();
}
