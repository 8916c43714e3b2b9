using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Helpdesk.Relay;

namespace SupportBot.Helpdesk.Tests;

public sealed class ClaimTimeoutTests : IDisposable
{
    private readonly string _directory = TestData.TempDirectory();

    [Fact]
    public async Task AnUnclaimedTicketIsAnnouncedOnceAfterTheTimeout()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var messenger = new RecordingMessenger();
        using var host = await HelpdeskTestHost.StartAsync(Path.Combine(_directory, "supportbot.db"), webhookUrl: null, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IHelpdeskUserMessenger>(messenger);
        }, new Dictionary<string, string?>
        {
            ["Helpdesk:ClaimTimeout"] = "00:10:00",
            // The hosted loop's own timer must not fire while the fake clock advances: the test calls the check itself.
            ["Helpdesk:ClaimCheckInterval"] = "1.00:00:00",
        });
        var escalation = host.Services.GetRequiredService<EscalationService>();
        var check = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ClaimTimeoutService>().Single();

        var japanese = await escalation.EscalateAsync(TestData.Draft("conv-ja"));
        var english = await escalation.EscalateAsync(TestData.Draft("conv-en", locale: "en-US"));
        Assert.Equal(0, await check.CheckOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(2, await check.CheckOnceAsync(CancellationToken.None));
        Assert.Equal(0, await check.CheckOnceAsync(CancellationToken.None));

        var notices = messenger.Notices.ToList();
        Assert.All(notices, n => Assert.Equal(HelpdeskNoticeKind.ClaimTimeout, n.Kind));
        Assert.Contains(japanese.Ticket.Number, notices.Single(n => n.ConversationId == "conv-ja").Text, StringComparison.Ordinal);
        Assert.Contains("引き続き受け付けています", notices.Single(n => n.ConversationId == "conv-ja").Text, StringComparison.Ordinal);
        Assert.Contains("still open", notices.Single(n => n.ConversationId == "conv-en").Text, StringComparison.Ordinal);
        Assert.Contains(english.Ticket.Number, english.UserMessage, StringComparison.Ordinal);
        await host.StopAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
