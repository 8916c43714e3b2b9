namespace SupportBot.Schema.Tests;

public class ActivityExTests
{
    private static Activity Incoming() => BotJson.DeserializeActivity(Samples.TeamsChannelMessage)!;

    [Fact]
    public void CreateReplySwapsFromAndRecipientAndKeepsConversation()
    {
        var incoming = Incoming();

        var reply = incoming.CreateReply("Hello");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Hello", reply.Text);
        Assert.Equal(incoming.Recipient!.Id, reply.From!.Id);
        Assert.Equal(incoming.From!.Id, reply.Recipient!.Id);
        Assert.Equal(incoming.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal("en-US", reply.Locale);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(incoming.ChannelId, reply.ChannelId);
        Assert.NotSame(incoming.Conversation, reply.Conversation);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }

    [Fact]
    public void ConversationReferenceRoundTripsIntoAProactiveMessage()
    {
        var incoming = Incoming();
        var reference = incoming.GetConversationReference();

        var proactive = new Activity(ActivityTypes.Message) { Text = "Your ticket was updated" }
            .ApplyConversationReference(reference);

        Assert.Equal(incoming.Recipient!.Id, proactive.From!.Id);
        Assert.Equal(incoming.From!.Id, proactive.Recipient!.Id);
        Assert.Equal(incoming.Id, proactive.ReplyToId);
        Assert.Equal(incoming.ServiceUrl, proactive.ServiceUrl);
        Assert.Equal(incoming.Conversation!.TenantId, proactive.Conversation!.TenantId);
    }

    [Fact]
    public void IncomingConversationReferenceAddressesTheBot()
    {
        var reference = Incoming().GetConversationReference();

        var synthetic = new Activity(ActivityTypes.Event).ApplyConversationReference(reference, isIncoming: true);

        Assert.Equal(reference.User!.Id, synthetic.From!.Id);
        Assert.Equal(reference.Bot!.Id, synthetic.Recipient!.Id);
        Assert.Equal(reference.ActivityId, synthetic.Id);
    }

    [Fact]
    public void RemoveRecipientMentionStripsTheBotMentionAndTrims()
    {
        var activity = Incoming();

        var text = activity.RemoveRecipientMention();

        Assert.Equal("who created you?", text);
        Assert.Equal("who created you?", activity.Text);
        Assert.Equal(2, activity.Entities!.Count);
    }

    [Fact]
    public void RemoveRecipientMentionKeepsMentionsOfOtherPeople()
    {
        var activity = Incoming();
        activity.Text = "<at>Tess</at> ask <at>Megan</at>\r\n";
        activity.Entities!.Add(Entity.FromObject(new Mention { Mentioned = new ChannelAccount("29:megan", "Megan"), Text = "<at>Megan</at>" }));

        Assert.Equal("ask <at>Megan</at>", activity.RemoveRecipientMention());
    }

    [Fact]
    public void RemoveRecipientMentionFallsBackToTheNameWhenTheEntityHasNoText()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = " <at>Tess</at> hi",
            Recipient = new ChannelAccount("28:bot", "Tess"),
            Entities = [Entity.FromObject(new Mention { Mentioned = new ChannelAccount("28:bot", "Tess") })],
        };

        Assert.Equal("hi", activity.RemoveRecipientMention());
    }

    [Fact]
    public void MentionsAreReadAsTypedViews()
    {
        var mention = Assert.Single(Incoming().GetMentions());

        Assert.Equal("Tess", mention.Mentioned!.Name);
        Assert.Equal("<at>Tess</at>", mention.Text);
    }

    [Fact]
    public void ChannelDataIsReadTyped()
    {
        var data = Incoming().GetChannelData<TeamsData>()!;

        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", data.Tenant!.Id);
    }

    [Fact]
    public void ChannelDataCanBeSetFromAnObject()
    {
        var activity = new Activity(ActivityTypes.Message).SetChannelData(new { notification = new { alert = true } });

        Assert.Contains("\"channelData\":{\"notification\":{\"alert\":true}}", BotJson.Serialize(activity));
        Assert.False(new Activity().TryGetChannelData<TeamsData>(out _));
    }

    [Fact]
    public void GroupConversationIsDetected()
    {
        Assert.True(Incoming().IsGroupConversation());
        Assert.False(new Activity { Conversation = new ConversationAccount("a:1", conversationType: "personal") }.IsGroupConversation());
    }

    [Fact]
    public void CloneIsDeep()
    {
        var original = Incoming();

        var copy = original.Clone();
        copy.Conversation!.Id = "changed";

        Assert.NotEqual("changed", original.Conversation!.Id);
        Assert.Equal(BotJson.Serialize(original), BotJson.Serialize(original.Clone()));
    }

    private sealed class TeamsData
    {
        public TenantInfo? Tenant { get; set; }
    }

    private sealed class TenantInfo
    {
        public string? Id { get; set; }
    }
}
