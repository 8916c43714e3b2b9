using System.Collections.Concurrent;
using SupportBot.Schema;

namespace SupportBot.Builder.Tests;

/// <summary>An adapter that records every delivered activity, in delivery order.</summary>
internal sealed class RecordingAdapter : BotAdapter
{
    private int _nextId;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public IReadOnlyList<Activity> Messages => Sent.Where(a => a.IsType(ActivityTypes.Message)).ToList();

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            activities[i].Id = $"out-{Interlocked.Increment(ref _nextId)}";
            Sent.Enqueue(activities[i]);
            responses[i] = new ResourceResponse(activities[i].Id);
        }

        return Task.FromResult(responses);
    }

    public static Activity Message(string text, string? id = null, string conversationId = "conv-1", string locale = "ja-JP") => new(ActivityTypes.Message)
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        Text = text,
        Locale = locale,
        ChannelId = Channels.Test,
        ServiceUrl = "https://test.example/",
        From = new ChannelAccount("user-1", "User", RoleTypes.User),
        Recipient = new ChannelAccount("bot-1", "Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
    };
}
