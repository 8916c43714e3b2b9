using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Schema.Tests;

public class ActivitySerializationTests
{
    [Theory]
    [InlineData(Samples.WebChatMessage)]
    [InlineData(Samples.TeamsChannelMessage)]
    public void RealActivityRoundTripsWithoutLosingAnything(string json)
    {
        var activity = BotJson.DeserializeActivity(json)!;
        var written = BotJson.Serialize(activity);

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)),
            $"Round-trip changed the JSON:\n{written}");
    }

    [Fact]
    public void WebChatActivityExposesTypedFields()
    {
        var activity = BotJson.DeserializeActivity(Samples.WebChatMessage)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("山田 太郎", activity.From!.Name);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 9, 0, 3, 120, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(9), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("1714554003100abcdefg", activity.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, activity.Attachments![0].ContentType);
        Assert.Equal("AdaptiveCard", activity.Attachments[0].Content!.Value.GetProperty("type").GetString());
        Assert.True(activity.Entities![0].IsType(EntityTypes.ClientCapabilities));
        Assert.True(activity.Entities[0].GetProperty("supportsTts")!.Value.GetBoolean());
        Assert.True(activity.Properties!.ContainsKey("webchat:future-field"));
        Assert.True(activity.From.Properties!.ContainsKey("x-origin"));
        Assert.Equal("はい", activity.SuggestedActions!.Actions![0].ValueAsString);
    }

    [Fact]
    public void TimestampIsWrittenInUtcWithTrailingZ()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Timestamp = new DateTimeOffset(2025, 5, 1, 18, 0, 3, 120, TimeSpan.FromHours(9)),
        };

        var node = JsonNode.Parse(BotJson.Serialize(activity))!;

        Assert.Equal("2025-05-01T09:00:03.120Z", node["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void TimestampWithSubMillisecondPrecisionKeepsAllDigits()
    {
        const string json = """{"type":"message","timestamp":"2025-05-01T09:00:03.1234567Z"}""";

        var written = BotJson.Serialize(BotJson.DeserializeActivity(json)!);

        Assert.Contains("\"2025-05-01T09:00:03.1234567Z\"", written);
    }

    [Fact]
    public void LocalTimestampKeepsItsOriginalOffset()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            LocalTimestamp = new DateTimeOffset(2017, 2, 1, 14, 10, 7, 437, TimeSpan.FromHours(-7)),
        };

        var node = JsonNode.Parse(BotJson.Serialize(activity))!;

        Assert.Equal("2017-02-01T14:10:07.437-07:00", node["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void EmptyArraysAndNullsAreOmitted()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = "hi",
            Entities = [],
            Attachments = new List<Attachment>(),
            MembersAdded = [],
            SuggestedActions = new SuggestedActions { Actions = [], To = [] },
        };

        var node = JsonNode.Parse(BotJson.Serialize(activity))!.AsObject();

        Assert.Equal(["suggestedActions", "text", "type"], node.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Empty(node["suggestedActions"]!.AsObject());
    }

    [Fact]
    public void ReadingIsCaseInsensitiveAndWritingIsCamelCase()
    {
        var activity = BotJson.DeserializeActivity("""{"Type":"message","TEXT":"hi","ReplyToId":"7"}""")!;

        Assert.Equal("hi", activity.Text);
        Assert.Equal("""{"type":"message","text":"hi","replyToId":"7"}""", BotJson.Serialize(activity));
    }

    [Fact]
    public void JapaneseTextIsNotEscaped()
    {
        var json = BotJson.Serialize(new Activity(ActivityTypes.Message) { Text = "はい" });

        Assert.Contains("はい", json);
    }

    [Fact]
    public void InputHintUsesTheWireSpelling()
    {
        var json = BotJson.Serialize(new Activity(ActivityTypes.Message) { InputHint = InputHints.ExpectingInput });

        Assert.Contains("\"inputHint\":\"expectingInput\"", json);
    }

    [Fact]
    public void MalformedTimestampIsAJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => BotJson.DeserializeActivity("""{"type":"message","timestamp":"yesterday"}"""));
    }
}
