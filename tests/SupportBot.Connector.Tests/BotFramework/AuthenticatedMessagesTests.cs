using System.Net;
using SupportBot.Connector.Tests.Authentication;
using SupportBot.Connector.Tests.Infrastructure;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// /api/messages with an app id: tokens from a local OpenID issuer, app tokens from the local channel's token
/// endpoint — the full Azure Bot Service path with nothing faked inside the host.
/// </summary>
public sealed class AuthenticatedMessagesTests : IAsyncLifetime
{
    private LocalOpenIdIssuer _issuer = null!;
    private LocalOpenIdIssuer.SigningKey _key = null!;
    private LocalChannel _channel = null!;
    private BotHost _host = null!;
    private string _serviceUrl = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _key = _issuer.AddAbsKey("abs-key-1", "msteams");
        _channel = await LocalChannel.StartAsync();
        _serviceUrl = new Uri(_channel.BaseAddress, "emea/").ToString();
        _host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AuthTestHost.AppId,
            ["MicrosoftAppPassword"] = "s3cret",
            ["MicrosoftAppTenantId"] = "tenant",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.AbsMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl,
            ["ToChannelFromBotLoginUrl"] = _channel.TokenEndpoint,
            ["RequireHttpsMetadata"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private string ChannelToken(string? serviceUrl = null, string audience = AuthTestHost.AppId)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = "https://api.botframework.com",
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl ?? _serviceUrl,
        };
        return LocalOpenIdIssuer.Sign(_key, claims, now.AddMinutes(-1), now.AddMinutes(10));
    }

    [Fact]
    public async Task Without_a_token_it_is_401_with_an_empty_body()
    {
        using var response = await _host.PostAsync(TeamsActivities.Personal(_serviceUrl, "a:noauth", "hi").Json());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task A_token_for_another_bot_is_401()
    {
        var json = TeamsActivities.Personal(_serviceUrl, "a:other", "hi").Json();
        using var response = await _host.PostAsync(json, ChannelToken(audience: AuthTestHost.OtherAppId));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_channel_the_key_does_not_endorse_is_403()
    {
        var activity = TeamsActivities.Personal(_serviceUrl, "a:endorse", "hi");
        activity["channelId"] = "slack";
        using var response = await _host.PostAsync(activity.Json(), ChannelToken());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_valid_token_sets_callerId_and_the_reply_carries_the_app_token()
    {
        var activity = TeamsActivities.Personal(_serviceUrl, "a:auth", "whoami");
        activity["callerId"] = "urn:botframework:forged"; // whatever the wire says is replaced
        using var response = await _host.PostAsync(activity.Json(), ChannelToken());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var reply = Assert.Single(await ChannelWait.ForRequestsAsync(_channel, 1, r => ChannelWait.IsType(r, "message")));
        Assert.Equal("caller: urn:botframework:azure", ChannelWait.Body(reply).RootElement.GetProperty("text").GetString());
        Assert.Equal("Bearer app-token-1", reply.Authorization);
        Assert.StartsWith("/emea/v3/conversations/a%3Aauth/activities/", reply.RawTarget, StringComparison.Ordinal);
    }
}
