using System.Net;
using System.Text.Json;
using SupportBot.Connector.Tests.Infrastructure;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>Teams behaviours end to end: Teams-shaped activities in, what the local channel receives out.</summary>
public sealed class TeamsShapesTests : IAsyncLifetime
{
    private const string GroupChat = "19:meeting_NjE2ZjY0@thread.v2";
    private const string ChannelThread = "19:abc123@thread.tacv2;messageid=1712345678901";
    private LocalChannel _channel = null!;
    private BotHost _host = null!;
    private string _serviceUrl = null!;

    public async Task InitializeAsync()
    {
        _channel = await LocalChannel.StartAsync();
        _serviceUrl = new Uri(_channel.BaseAddress, "teams/").ToString();
        _host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private async Task<JsonElement> OnlyReplyAsync(string json)
    {
        using var response = await _host.PostAsync(json);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var replies = await ChannelWait.ForRequestsAsync(_channel, 1, r => ChannelWait.IsType(r, "message"));
        return ChannelWait.Body(Assert.Single(replies)).RootElement.Clone();
    }

    [Fact]
    public async Task The_bots_own_mention_is_stripped_before_the_bot_sees_the_text()
    {
        var reply = await OnlyReplyAsync(TeamsActivities.Message(_serviceUrl, "a:m1", "personal", "who created you?", mention: true).Json());
        Assert.Equal("echo: who created you?", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_tenant_is_kept_on_replies()
    {
        var reply = await OnlyReplyAsync(TeamsActivities.Personal(_serviceUrl, "a:t1", "hi").Json());
        Assert.Equal(TeamsActivities.TenantId, reply.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.TenantId, reply.GetProperty("conversation").GetProperty("tenantId").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Up_to_three_choices_stay_suggested_actions(int count)
    {
        var reply = await OnlyReplyAsync(TeamsActivities.Personal(_serviceUrl, $"a:c{count}", $"choices {count}").Json());
        var actions = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(TestBot.ChoiceTitles(count), actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.False(reply.TryGetProperty("attachments", out _));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task More_than_three_choices_become_a_hero_card_with_imBack_buttons(int count)
    {
        var reply = await OnlyReplyAsync(TeamsActivities.Personal(_serviceUrl, $"a:h{count}", $"choices {count}").Json());
        Assert.False(reply.TryGetProperty("suggestedActions", out _));
        Assert.Equal("Pick one", reply.GetProperty("text").GetString());
        var card = Assert.Single(reply.GetProperty("attachments").EnumerateArray().ToList());
        Assert.Equal("application/vnd.microsoft.card.hero", card.GetProperty("contentType").GetString());
        var buttons = card.GetProperty("content").GetProperty("buttons").EnumerateArray().ToList();
        Assert.Equal(TestBot.ChoiceTitles(count), buttons.Select(b => b.GetProperty("value").GetString()));
        Assert.All(buttons, b => Assert.Equal("imBack", b.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("groupChat", GroupChat)]
    [InlineData("channel", ChannelThread)]
    public async Task Group_messages_without_a_mention_are_acknowledged_and_not_answered(string type, string conversationId)
    {
        using var response = await _host.PostAsync(TeamsActivities.Message(_serviceUrl, conversationId, type, "just chatting").Json());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(500);
        Assert.Empty(_channel.Requests);
    }

    [Theory]
    [InlineData("groupChat", GroupChat)]
    [InlineData("channel", ChannelThread)]
    public async Task Group_messages_that_mention_the_bot_are_answered(string type, string conversationId)
    {
        var reply = await OnlyReplyAsync(TeamsActivities.Message(_serviceUrl, conversationId, type, "help", mention: true).Json());
        Assert.Equal("echo: help", reply.GetProperty("text").GetString());
        Assert.Equal(conversationId, reply.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task In_groups_choices_become_a_card_even_when_few()
    {
        var reply = await OnlyReplyAsync(TeamsActivities.Message(_serviceUrl, GroupChat + "x", "groupChat", "choices 2", mention: true).Json());
        Assert.False(reply.TryGetProperty("suggestedActions", out _));
        Assert.Equal(2, reply.GetProperty("attachments")[0].GetProperty("content").GetProperty("buttons").GetArrayLength());
    }

    [Fact]
    public async Task A_slow_turn_sends_typing_first_and_the_reply_after()
    {
        using var response = await _host.PostAsync(TeamsActivities.Personal(_serviceUrl, "a:slow", "slow").Json());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await ChannelWait.ForRequestsAsync(_channel, 1, r => ChannelWait.IsType(r, "message"));

        var kinds = _channel.Requests.Select(r => ChannelWait.Body(r).RootElement.GetProperty("type").GetString()).ToList();
        Assert.True(kinds.Count(k => k == "typing") >= 2, string.Join(",", kinds)); // 1.5 s turn, typing at 0.3 s then every 0.5 s
        Assert.Equal("message", kinds[^1]);
        var typing = _channel.Requests.First(r => ChannelWait.IsType(r, "typing"));
        Assert.Equal("/teams/v3/conversations/a%3Aslow/activities", typing.RawTarget);
    }

    [Fact]
    public async Task A_fast_turn_sends_no_typing()
    {
        await OnlyReplyAsync(TeamsActivities.Personal(_serviceUrl, "a:fast", "quick").Json());
        Assert.DoesNotContain(_channel.Requests, r => ChannelWait.IsType(r, "typing"));
    }
}
