using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Connector.Authentication;
using SupportBot.Connector.Tests.Infrastructure;
using static SupportBot.Connector.Tests.Authentication.AuthTestHost;

namespace SupportBot.Connector.Tests.Authentication;

/// <summary>Key rotation at the issuer: the validator refreshes once on an unknown kid, rate-limited (protocol.md §3.1, §8.26).</summary>
public sealed class SigningKeyRotationTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private static Dictionary<string, object> Claims() =>
        new() { ["iss"] = "https://api.botframework.com", ["aud"] = AppId, ["serviceurl"] = ServiceUrl };

    private static Task<ChannelAuthenticationResult> Authenticate(IChannelAuthenticator authenticator, LocalOpenIdIssuer.SigningKey key, FakeTimeProvider time) =>
        authenticator.AuthenticateAsync(
            "Bearer " + LocalOpenIdIssuer.Sign(key, Claims(), time.GetUtcNow().AddMinutes(-1), time.GetUtcNow().AddMinutes(30)),
            "msteams", ServiceUrl, CancellationToken.None);

    [Fact]
    public async Task Rotated_key_is_fetched_once_and_the_removed_key_is_refused()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var oldKey = issuer.AddAbsKey("old", "msteams");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Build(issuer, time);
        var authenticator = services.GetRequiredService<IChannelAuthenticator>();

        Assert.True((await Authenticate(authenticator, oldKey, time)).Succeeded);
        Assert.True((await Authenticate(authenticator, oldKey, time)).Succeeded);
        Assert.Equal(1, issuer.AbsMetadataFetches); // cached

        var newKey = issuer.AddAbsKey("new", "msteams");
        issuer.RemoveAbsKey("old");

        var rotated = await Authenticate(authenticator, newKey, time);
        Assert.True(rotated.Succeeded, rotated.FailureReason);
        Assert.Equal(2, issuer.AbsMetadataFetches);
        Assert.Equal(2, issuer.AbsKeyFetches);

        var removed = await Authenticate(authenticator, oldKey, time);
        Assert.Equal(401, removed.StatusCode);
        Assert.Equal(2, issuer.AbsMetadataFetches); // rate-limited: no second forced refresh within 5 minutes
    }

    [Fact]
    public async Task Unknown_kid_refreshes_at_most_once_per_five_minutes()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var published = issuer.AddAbsKey("k1", "msteams");
        var stranger = LocalOpenIdIssuer.Unpublished("k-stranger");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Build(issuer, time);
        var authenticator = services.GetRequiredService<IChannelAuthenticator>();

        Assert.True((await Authenticate(authenticator, published, time)).Succeeded);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(401, (await Authenticate(authenticator, stranger, time)).StatusCode);
        }

        Assert.Equal(2, issuer.AbsMetadataFetches); // initial + one forced refresh, not five

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(401, (await Authenticate(authenticator, stranger, time)).StatusCode);
        Assert.Equal(2, issuer.AbsMetadataFetches);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(401, (await Authenticate(authenticator, stranger, time)).StatusCode);
        Assert.Equal(3, issuer.AbsMetadataFetches);
        Assert.True((await Authenticate(authenticator, published, time)).Succeeded);
    }

    [Fact]
    public async Task Trusted_service_url_expires()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var key = issuer.AddAbsKey("k1", "msteams");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Build(issuer, time);
        var trusted = services.GetRequiredService<ITrustedServiceUrls>();

        Assert.False(trusted.IsTrusted(ServiceUrl));
        Assert.True((await Authenticate(services.GetRequiredService<IChannelAuthenticator>(), key, time)).Succeeded);
        Assert.True(trusted.IsTrusted(ServiceUrl));
        Assert.True(trusted.IsTrusted(ServiceUrl.TrimEnd('/')));
        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net/amer/"));

        time.Advance(TimeSpan.FromDays(8));
        Assert.False(trusted.IsTrusted(ServiceUrl));
    }
}
