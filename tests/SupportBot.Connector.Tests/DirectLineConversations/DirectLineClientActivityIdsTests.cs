using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.Tests.DirectLineConversations;

/// <summary>Which posted activities carry a client activity id a resend can be recognised by.</summary>
public sealed class DirectLineClientActivityIdsTests
{
    [Theory]
    [InlineData(ActivityTypes.Message)]
    [InlineData(ActivityTypes.Event)]
    public void Of_MessageOrEvent_ReturnsTheId(string type) =>
        Assert.Equal("web-1", DirectLineClientActivityIds.Of(With(type, """{"clientActivityID":"web-1"}""")));

    [Theory]
    [InlineData(ActivityTypes.Invoke, """{"clientActivityID":"web-1"}""")]
    [InlineData(ActivityTypes.Message, null)]
    [InlineData(ActivityTypes.Message, """{"other":1}""")]
    [InlineData(ActivityTypes.Message, """{"clientActivityID":42}""")]
    [InlineData(ActivityTypes.Message, """{"clientActivityID":""}""")]
    [InlineData(ActivityTypes.Message, """["clientActivityID"]""")]
    public void Of_OtherTypeOrNoStringId_ReturnsNull(string type, string? channelData) =>
        Assert.Null(DirectLineClientActivityIds.Of(With(type, channelData)));

    [Fact]
    public void Of_LongerThanTheLogKeeps_Is400BadArgument()
    {
        var longest = new string('x', IActivityLog.MaxClientActivityIdLength);
        Assert.Equal(longest, DirectLineClientActivityIds.Of(With(ActivityTypes.Message, $$"""{"clientActivityID":"{{longest}}"}""")));

        var error = Assert.Throws<DirectLineException>(() =>
            DirectLineClientActivityIds.Of(With(ActivityTypes.Message, $$"""{"clientActivityID":"{{longest}}x"}""")));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadArgument", error.Code);
        Assert.Contains("clientActivityID", error.Message, StringComparison.Ordinal);
    }

    private static Activity With(string type, string? channelData) => new(type)
    {
        ChannelData = channelData is null ? null : System.Text.Json.JsonDocument.Parse(channelData).RootElement.Clone(),
    };
}
