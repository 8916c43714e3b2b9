using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.Webhook;
using SupportBot.Testing;

namespace SupportBot.Helpdesk.Tests;

public sealed class WebhookDeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _directory = TestData.TempDirectory();

    private string DbPath => Path.Combine(_directory, "supportbot.db");

    [Fact]
    public async Task TheReceiverGetsACorrectlySignedPostOfTheMaskedTicket()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = await HelpdeskTestHost.StartAsync(DbPath, receiver.Url);
        var result = await host.Services.GetRequiredService<EscalationService>().EscalateAsync(TestData.Draft());

        await receiver.WaitForAcceptedAsync(Patience);
        var request = Assert.Single(receiver.Requests);
        var signature = request.Headers[WebhookSignature.SignatureHeader];
        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        using (var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(HelpdeskTestHost.Secret)))
        {
            Assert.Equal("sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(request.Body)), signature);
        }
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(request.Headers[WebhookSignature.DeliveryHeader], body.RootElement.GetProperty("deliveryId").GetString());
        Assert.Equal(request.Headers[WebhookSignature.TimestampHeader], body.RootElement.GetProperty("timestamp").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("ticket.created", body.RootElement.GetProperty("event").GetString());
        var ticket = body.RootElement.GetProperty("ticket");
        Assert.Equal(result.Ticket.Number, ticket.GetProperty("number").GetString());
        Assert.Equal("high", ticket.GetProperty("priority").GetString());
        var raw = System.Text.Encoding.UTF8.GetString(request.Body);
        Assert.DoesNotContain(TestData.LicenseKey, raw, StringComparison.Ordinal);
        Assert.Contains("ライセンス", raw, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task AReceiverThatFailsThreeTimesStillGetsItAcrossARestart()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        string number;
        using (var first = await HelpdeskTestHost.StartAsync(DbPath, receiver.Url))
        {
            number = (await first.Services.GetRequiredService<EscalationService>().EscalateAsync(TestData.Draft())).Ticket.Number;
            // One round = an attempt plus one Polly retry: two 500s, then the outbox backs off.
            await receiver.WaitForRequestsAsync(2, Patience);
            var firstOutbox = first.Services.GetRequiredService<IWebhookOutbox>();
            await WaitUntilAsync(async () => (await firstOutbox.ListFailuresAsync()).Count == 1);
            var failures = await firstOutbox.ListFailuresAsync();
            Assert.Contains("HTTP 500", Assert.Single(failures).LastError, StringComparison.Ordinal);
            await first.StopAsync();
        }
        Assert.Empty(receiver.Accepted);

        using var second = await HelpdeskTestHost.StartAsync(DbPath, receiver.Url);
        await receiver.WaitForAcceptedAsync(Patience);
        Assert.True(receiver.Requests.Count >= 4);
        var accepted = Assert.Single(receiver.Accepted);
        Assert.Contains(number, System.Text.Encoding.UTF8.GetString(accepted.Body), StringComparison.Ordinal);
        // Every attempt carried the same delivery id, so the receiver can drop repeats.
        Assert.Single(receiver.Requests.Select(r => r.Headers[WebhookSignature.DeliveryHeader]).Distinct());
        var outbox = second.Services.GetRequiredService<IWebhookOutbox>();
        await WaitUntilAsync(async () => (await outbox.ListFailuresAsync()).Count == 0);
        await second.StopAsync();
    }

    [Fact]
    public void BackoffDoublesUpToTheCap()
    {
        var options = new WebhookOptions { OutboxBackoff = TimeSpan.FromSeconds(30), OutboxBackoffMax = TimeSpan.FromMinutes(5) };
        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromMinutes(5)],
            Enumerable.Range(1, 5).Select(n => WebhookDeliveryService.Backoff(options, n)));
    }

    [Fact]
    public void SignatureVerifiesOnlyTheExactBody()
    {
        var body = "{\"a\":1}"u8.ToArray();
        var signature = WebhookSignature.Sign("secret-secret-secret", body);
        Assert.True(WebhookSignature.Verify("secret-secret-secret", body, signature));
        Assert.False(WebhookSignature.Verify("secret-secret-secret", "{\"a\":2}"u8, signature));
        Assert.False(WebhookSignature.Verify("other-secret-secret!", body, signature));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not met in time.");
            await Task.Delay(50);
        }
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
