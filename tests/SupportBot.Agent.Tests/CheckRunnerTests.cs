using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Agent.Checks;
using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;
using SupportBot.Agent.Security;
using SupportBot.Agent.Ui;

namespace SupportBot.Agent.Tests;

public sealed class CheckRunnerTests
{
    private sealed class ScriptedCheck(Func<CheckContext, CancellationToken, Task> body, TimeSpan? limit = null) : ICheck
    {
        public string Kind => "scripted";
        public TimeSpan? TimeLimit => limit;
        public Task RunAsync(CheckContext context, CancellationToken cancellationToken) => body(context, cancellationToken);
    }

    private static (CheckRunner Runner, FakeTimeProvider Time) Create(ICheck check)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        return (new CheckRunner([check], new AllowList(AllowListOptions.PassageDefaults()), time, TimeSpan.FromSeconds(10)), time);
    }

    private static CheckRequest Job() => new("j", "scripted", new Dictionary<string, string>(), DateTimeOffset.MaxValue);

    [Fact]
    public async Task CheckThatWaitsPastItsLimitTimesOutKeepingPartialFacts()
    {
        var (runner, time) = Create(new ScriptedCheck(async (c, ct) =>
        {
            c.Fact("started", true);
            await Task.Delay(TimeSpan.FromMinutes(5), c.Time, ct);
        }, TimeSpan.FromSeconds(3)));

        var running = runner.RunAsync(Job(), null, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await running;

        Assert.Equal(CheckStatus.Timeout, result.Status);
        Assert.True(result.Facts["started"].Flag);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Timings.FinishedAt - result.Timings.StartedAt);
    }

    [Fact]
    public async Task CheckThatIgnoresCancellationIsStillStoppedAtTheLimit()
    {
        var never = new TaskCompletionSource();
        var (runner, time) = Create(new ScriptedCheck((_, _) => never.Task));

        var running = runner.RunAsync(Job(), TimeSpan.FromSeconds(2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CheckStatus.Timeout, (await running).Status);
    }

    [Fact]
    public async Task CrashIsReportedAsErrorWithItsReason()
    {
        var (runner, _) = Create(new ScriptedCheck((_, _) => throw new InvalidOperationException("boom")));

        var result = await runner.RunAsync(Job(), null, CancellationToken.None);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Equal("InvalidOperationException: boom", result.Reason);
    }

    [Fact]
    public async Task UserCancellationPropagates()
    {
        var (runner, _) = Create(new ScriptedCheck((c, ct) => Task.Delay(Timeout.Infinite, ct)));
        using var cts = new CancellationTokenSource();

        var running = runner.RunAsync(Job(), null, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task PassCarriesNoReason()
    {
        var (runner, _) = Create(new ScriptedCheck((c, _) => { c.Status = CheckStatus.Pass; c.Reason = "ignored"; return Task.CompletedTask; }));

        var result = await runner.RunAsync(Job(), null, CancellationToken.None);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Null(result.Reason);
        Assert.Equal(CheckRunner.AgentVersion, result.AgentVersion);
    }

    [Theory]
    [InlineData("en-US", null, "Connected to the support bot. Go back to the chat (keep this window open).")]
    [InlineData("ja-JP", null, "サポートボットと接続しました。チャット画面に戻ってください（この画面は開いたままにしてください）。")]
    [InlineData("fr-FR", null, "サポートボットと接続しました。チャット画面に戻ってください（この画面は開いたままにしてください）。")]
    [InlineData("ja-JP", "en", "Connected to the support bot. Go back to the chat (keep this window open).")]
    public void MessagesFollowTheUiLanguage(string culture, string? forced, string connected) =>
        Assert.Equal(connected, AgentMessages.For(forced, CultureInfo.GetCultureInfo(culture)).Connected);
}
