using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Connector.Authentication;
using SupportBot.Connector.BotFramework;
using SupportBot.Storage;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// The inbox recovery's lifetime: a host may stop it twice or dispose it before stopping it (a test factory disposed
/// twice did, and the second stop threw ObjectDisposedException out of the host's shutdown).
/// </summary>
public sealed class InboxRecoveryLifetimeTests
{
    private static BotFrameworkInboxRecovery Create()
    {
        var options = Options.Create(new BotFrameworkChannelOptions());
        return new BotFrameworkInboxRecovery(
            NullActivityInbox.Instance, new BotFrameworkTurnQueue(options), new InMemoryTrustedServiceUrls(Options.Create(new BotFrameworkAuthenticationOptions()), TimeProvider.System),
            options, TimeProvider.System, NullLogger<BotFrameworkInboxRecovery>.Instance);
    }

    [Fact]
    public async Task StoppedTwice_ThenDisposed_DoesNotThrow()
    {
        var recovery = Create();
        await recovery.StartAsync(CancellationToken.None);
        await recovery.StopAsync(CancellationToken.None);
        await recovery.StopAsync(CancellationToken.None);
        recovery.Dispose();
    }

    [Fact]
    public async Task DisposedBeforeStop_ThenStopped_DoesNotThrow()
    {
        var recovery = Create();
        await recovery.StartAsync(CancellationToken.None);
        recovery.Dispose();
        await recovery.StopAsync(CancellationToken.None);
    }
}
