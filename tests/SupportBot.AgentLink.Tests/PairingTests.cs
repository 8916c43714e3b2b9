using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Agent.Contracts;

namespace SupportBot.AgentLink.Tests;

/// <summary>Pairing codes over real HTTP: happy path, expired, reused, brute-forced (also across a restart), malformed; token checks.</summary>
public sealed class PairingTests
{
    private static async Task<AgentError?> ErrorOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.AgentError);

    [Fact]
    public async Task CodePairsOnceAndTheTokenPolls()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var code = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", code.Code);
        Assert.False(await host.Presence.IsPairedAsync("conv-a"));

        using var paired = await host.PairAsync(code.Code.ToLowerInvariant()); // typed in lower case: still fine
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        var response = await paired.Content.ReadFromJsonAsync(AgentJsonContext.Default.PairResponse);
        Assert.Equal(AgentContract.JobsPath, response!.PollUrl);
        Assert.DoesNotContain("conv-a", await paired.Content.ReadAsStringAsync()); // the conversation id is not revealed

        using var poll = await host.PollAsync(response.AgentToken, 0);
        Assert.Equal(HttpStatusCode.NoContent, poll.StatusCode);
        Assert.True(await host.Presence.IsPairedAsync("conv-a"));
    }

    [Fact]
    public async Task PairingTellsTheSinkOnce_BeforeAnswering_AndARefusedCodeDoesNot()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var code = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        using (var wrong = await host.PairAsync("ZZZZZZZZ"))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }
        Assert.Empty(host.Sink.Paired);

        (await host.PairAsync(code.Code)).EnsureSuccessStatusCode();
        (await host.PairAsync(code.Code)).Dispose(); // reused: refused, no second notice

        var paired = Assert.Single(host.Sink.Paired);
        var activity = paired.ToActivity();
        Assert.Equal("event", activity.Type);
        Assert.Equal(AgentPairedEvent.EventName, activity.Name);
        Assert.Equal("conv-a", activity.Conversation?.Id);
        Assert.Equal("directline", activity.ChannelId);
    }

    [Fact]
    public async Task ReusedCodeIsRefused()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var code = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        (await host.PairAsync(code.Code)).EnsureSuccessStatusCode();

        using var again = await host.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("used", (await ErrorOf(again))!.Error);
    }

    [Fact]
    public async Task ExpiredCodeIsRefused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var host = await AgentLinkHost.StartAsync(time: time);
        var code = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var response = await host.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("expired", (await ErrorOf(response))!.Error);
    }

    [Fact]
    public async Task NewCodeReplacesTheOldOne()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var first = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        var second = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));

        Assert.Equal(HttpStatusCode.NotFound, (await host.PairAsync(first.Code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PairAsync(second.Code)).StatusCode);
    }

    [Fact]
    public async Task BruteForceLocksTheAddressOutEvenForTheRightCode()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var host = await AgentLinkHost.StartAsync(time: time);
        var code = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await host.PairAsync("WRNG" + "2345"[i % 4] + "ABC");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }
        using var locked = await host.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("locked", (await ErrorOf(locked))!.Error);

        time.Advance(TimeSpan.FromMinutes(15)); // the lock-out ends; the code (10 min) has expired meanwhile
        var fresh = await host.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        Assert.Equal(HttpStatusCode.OK, (await host.PairAsync(fresh.Code)).StatusCode);
    }

    [Fact]
    public async Task ALockOutOutlivesARestart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        string dataDir;
        await using (var first = await AgentLinkHost.StartAsync(time: time))
        {
            dataDir = first.DataDir;
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await first.PairAsync("WRNG" + "2345"[i % 4] + "ABC");
                Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            }
        }

        // The failures are rows in the database, not process memory: restarting does not reset the count.
        await using var second = await AgentLinkHost.StartAsync(dataDir, time);
        var code = await second.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));
        using var locked = await second.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }

    [Fact]
    public async Task MalformedPairingRequestIsAProblem()
    {
        await using var host = await AgentLinkHost.StartAsync();
        using var response = await host.Http.PostAsync(AgentContract.PairPath, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var huge = await host.Http.PostAsync(AgentContract.PairPath, new StringContent(new string('x', 10_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task MissingForgedOrExpiredTokensAreRejected()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var host = await AgentLinkHost.StartAsync(time: time);
        var token = await host.PairNewAsync("conv-a");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PollAsync("", 0)).StatusCode);
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PollAsync(forged, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.PollAsync(token, 0)).StatusCode);

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PollAsync(token, 0)).StatusCode);
    }

    [Fact]
    public async Task EndedConversationAnswers410()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var token = await host.PairNewAsync("conv-a");
        var waiting = host.PollAsync(token, 25);
        await Task.Delay(300);

        await host.Pairing.EndConversationAsync("conv-a");

        Assert.Equal(HttpStatusCode.Gone, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await host.PostResultAsync(token, AgentLinkHost.Result("j-1", CheckKinds.OsInfo))).StatusCode);
        Assert.False(await host.Presence.IsPairedAsync("conv-a"));
    }

    [Fact]
    public async Task DownloadPageExplainsOrRedirects()
    {
        await using (var host = await AgentLinkHost.StartAsync())
        {
            var page = await host.Http.GetStringAsync("/agent/download");
            Assert.Contains("supportbot-agent pair", page);
        }
        await using var configured = await AgentLinkHost.StartAsync(settings: new Dictionary<string, string?> { ["AgentLink:DownloadUrl"] = "https://downloads.example/agent.zip" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = configured.BaseUrl };
        using var response = await client.GetAsync("/agent/download");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://downloads.example/agent.zip", response.Headers.Location?.ToString());
    }
}
