using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Connector.Tests.Infrastructure;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>/api/messages on a real Kestrel host (anonymous mode), replies arriving at a real local channel.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private LocalChannel _channel = null!;
    private BotHost _host = null!;
    private string _serviceUrl = null!;

    public async Task InitializeAsync()
    {
        _channel = await LocalChannel.StartAsync();
        _serviceUrl = new Uri(_channel.BaseAddress, "amer/").ToString(); // a serviceUrl with a region path, kept verbatim
        _host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"text\":\"no type\",\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    public async Task Bodies_without_a_type_or_unparsable_are_400_problem_json(string body)
    {
        using var response = await _host.PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Too_large_bodies_are_413()
    {
        var activity = TeamsActivities.Personal(_serviceUrl, "a:big", new string('x', 300 * 1024));
        using var response = await _host.PostAsync(activity.Json());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var response = await _host.Http.GetAsync(_host.MessagesUrl);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_message_is_accepted_with_202_and_the_reply_goes_to_the_serviceUrl()
    {
        var activity = TeamsActivities.Personal(_serviceUrl, "a:17I0kl", "Hello");
        using var response = await _host.PostAsync(activity.Json());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var replies = await ChannelWait.ForRequestsAsync(_channel, 1, r => ChannelWait.IsType(r, "message"));
        var reply = Assert.Single(replies);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/amer/v3/conversations/a%3A17I0kl/activities/{activity["id"]}", reply.RawTarget);
        Assert.Equal("", reply.Authorization); // anonymous mode sends no token
        var body = ChannelWait.Body(reply).RootElement;
        Assert.Equal("echo: Hello", body.GetProperty("text").GetString());
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.UserId, body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal((string?)activity["id"], body.GetProperty("replyToId").GetString());
        Assert.False(body.TryGetProperty("callerId", out _));
    }

    [Fact]
    public async Task Replies_of_one_conversation_keep_arrival_order()
    {
        for (var i = 0; i < 8; i++)
        {
            using var response = await _host.PostAsync(TeamsActivities.Personal(_serviceUrl, "a:ordered", $"m{i}").Json());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var replies = await ChannelWait.ForRequestsAsync(_channel, 8, r => ChannelWait.IsType(r, "message"));
        var texts = replies.Select(r => ChannelWait.Body(r).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"echo: m{i}"), texts);
    }

    [Fact]
    public async Task A_handled_invoke_answers_with_the_handlers_status_and_body()
    {
        var invoke = TeamsActivities.Invoke(_serviceUrl, "a:inv", "test/ok", new JsonObject { ["x"] = 1 });
        using var response = await _host.PostAsync(invoke.Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(1, body.RootElement.GetProperty("echoed").GetProperty("x").GetInt32());
        Assert.Empty(_channel.Requests); // the invoke response is the HTTP body, never a connector call
    }

    [Fact]
    public async Task An_unhandled_invoke_is_501()
    {
        using var response = await _host.PostAsync(TeamsActivities.Invoke(_serviceUrl, "a:inv2", "task/fetch", null).Json());
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_turns_activities_in_the_body()
    {
        var activity = TeamsActivities.Personal(_serviceUrl, "a:expect", "choices 2");
        activity["deliveryMode"] = "expectReplies";
        using var response = await _host.PostAsync(activity.Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray().ToList());
        Assert.Equal("Pick one", reply.GetProperty("text").GetString());
        Assert.Equal(2, reply.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength());
        await Task.Delay(200);
        Assert.Empty(_channel.Requests); // nothing went through the connector
    }

    [Fact]
    public async Task A_bot_install_in_personal_chat_reaches_the_bot_and_welcomes_once()
    {
        using var response = await _host.PostAsync(TeamsActivities.BotInstalled(_serviceUrl, "a:welcome").Json());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var replies = await ChannelWait.ForRequestsAsync(_channel, 1, r => ChannelWait.IsType(r, "message"));
        await Task.Delay(300);
        replies = _channel.Requests.Where(r => ChannelWait.IsType(r, "message")).ToList();
        var welcome = Assert.Single(replies);
        Assert.Equal(TestBot.Welcome, ChannelWait.Body(welcome).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_redelivered_activity_is_answered_once()
    {
        var activity = TeamsActivities.Personal(_serviceUrl, "a:dup", "once");
        using (var first = await _host.PostAsync(activity.Json()))
        using (var second = await _host.PostAsync(activity.Json()))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        await ChannelWait.ForRequestsAsync(_channel, 1, r => ChannelWait.IsType(r, "message"));
        await Task.Delay(300);
        Assert.Single(_channel.Requests, r => ChannelWait.IsType(r, "message"));
    }

    [Fact]
    public async Task A_non_loopback_serviceUrl_is_never_called_in_anonymous_mode()
    {
        using var response = await _host.PostAsync(TeamsActivities.Personal("https://attacker.example/", "a:evil", "hi").Json());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode); // accepted, but the connector refuses to send there
        await Task.Delay(300);
        Assert.Empty(_channel.Requests);
    }
}
