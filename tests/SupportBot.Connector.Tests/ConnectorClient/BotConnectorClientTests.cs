using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Connector.Authentication;
using SupportBot.Connector.ConnectorClient;
using SupportBot.Connector.Tests.Infrastructure;
using SupportBot.Schema;

namespace SupportBot.Connector.Tests.ConnectorClient;

/// <summary>The connector client against a real local channel and token endpoint.</summary>
public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "6f3a1f0e-1111-4c3b-9a52-0b1d7c2f0001";
    private const string TeamsConversation = "19:abc@thread.tacv2;messageid=1";
    private LocalChannel _channel = null!;
    private ServiceProvider _services = null!;
    private string _serviceUrl = null!;

    public async Task InitializeAsync()
    {
        _channel = await LocalChannel.StartAsync();
        _serviceUrl = new Uri(_channel.BaseAddress, "teams/").ToString(); // a serviceUrl with a path segment, like …/amer/
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _channel.DisposeAsync();
    }

    private IConnectorClient Client(string? appId = AppId, bool trust = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "s3cret&value",
            ["MicrosoftAppTenantId"] = "tenant",
            ["ToChannelFromBotLoginUrl"] = _channel.TokenEndpoint,
            ["Connector:RetryBaseDelay"] = "00:00:00.050",
            ["Connector:RetryMaxDelay"] = "00:00:00.200",
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotConnectorClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services = services.BuildServiceProvider();
        if (trust)
        {
            _services.GetRequiredService<ITrustedServiceUrls>().Trust(_serviceUrl);
        }

        return _services.GetRequiredService<IConnectorClient>();
    }

    private static Activity Message(string text) => new(ActivityTypes.Message) { Text = text };

    [Fact]
    public async Task Routes_keep_the_serviceUrl_path_and_escape_teams_ids()
    {
        var client = Client();
        await client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi"));
        await client.ReplyToActivityAsync(_serviceUrl, TeamsConversation, "1:2", Message("re"));
        await client.UpdateActivityAsync(_serviceUrl, TeamsConversation, "act-1", Message("edit"));
        await client.DeleteActivityAsync(_serviceUrl, TeamsConversation, "act-1");
        await client.GetConversationMembersAsync(_serviceUrl, "a:1");

        Assert.Equal(
        [
            "POST /teams/v3/conversations/a%3A1/activities",
            "POST /teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/1%3A2",
            "PUT /teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/act-1",
            "DELETE /teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/act-1",
            "GET /teams/v3/conversations/a%3A1/members",
        ], _channel.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.Contains("\"replyToId\":\"1:2\"", _channel.Requests.ElementAt(1).Body);
    }

    [Fact]
    public void Uri_join_never_doubles_slashes()
    {
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations", ConnectorUris.Build("https://smba.trafficmanager.net/amer/", "conversations").ToString());
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations", ConnectorUris.Build("https://smba.trafficmanager.net/amer", "conversations").ToString());
        Assert.Equal("http://localhost:3978/v3/conversations", ConnectorUris.Build("http://localhost:3978", "conversations").ToString());
        Assert.Throws<ArgumentException>(() => ConnectorUris.Build("ftp://example.com/", "conversations"));
    }

    [Fact]
    public async Task Token_is_obtained_by_client_credentials_and_cached()
    {
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SendToConversationAsync(_serviceUrl, "a:1", Message("n" + i));
        }

        Assert.Equal(1, _channel.TokenRequests);
        var form = Assert.Single(_channel.TokenForms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("s3cret&value", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.All(_channel.Requests, r => Assert.Equal("Bearer app-token-1", r.Authorization));
    }

    [Fact]
    public async Task Unauthorized_refreshes_the_token_and_retries_once()
    {
        var client = Client();
        _channel.Script.Enqueue((401, null));

        var response = await client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi"));

        Assert.NotNull(response.Id);
        Assert.Equal(2, _channel.TokenRequests);
        Assert.Equal(["Bearer app-token-1", "Bearer app-token-2"], _channel.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_retry_after()
    {
        var client = Client();
        _channel.Script.Enqueue((429, "1"));

        await client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi"));

        var attempts = _channel.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {attempts[1].At - attempts[0].At}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(503)]
    public async Task Transient_statuses_are_retried_with_backoff(int status)
    {
        var client = Client();
        _channel.Script.Enqueue((status, null));
        _channel.Script.Enqueue((status, null));

        await client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi"));

        Assert.Equal(3, _channel.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Client_errors_are_not_retried(int status)
    {
        var client = Client();
        _channel.Script.Enqueue((status, null));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi")));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("corr-1", error.CorrelationId);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task Untrusted_service_url_is_refused_before_any_request()
    {
        var client = Client(trust: false);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi")));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.SendToConversationAsync("https://attacker.example/", "a:1", Message("hi")));

        Assert.Empty(_channel.Requests);
        Assert.Equal(0, _channel.TokenRequests);
    }

    [Fact]
    public async Task Anonymous_mode_sends_no_authorization_header()
    {
        var client = Client(appId: null);

        await client.SendToConversationAsync(_serviceUrl, "a:1", Message("hi"));

        Assert.Equal("", Assert.Single(_channel.Requests).Authorization);
        Assert.Equal(0, _channel.TokenRequests);
    }
}
