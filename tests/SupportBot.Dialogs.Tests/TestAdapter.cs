using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Dialogs.Tests;

/// <summary>Runs turns in memory through the real <see cref="ConversationTurnRunner"/> and collects the replies.</summary>
internal sealed class TestAdapter : BotAdapter
{
    private readonly Queue<Activity> _replies = new();
    private int _nextId;

    public TestAdapter(string locale = "ja-JP", string conversationId = "test-conv")
    {
        Locale = locale;
        ConversationId = conversationId;
        Runner = new ConversationTurnRunner(this, Store);
    }

    public InMemoryConversationStateStore Store { get; } = new();

    public ConversationTurnRunner Runner { get; }

    public string Locale { get; set; }

    public string ConversationId { get; set; }

    public Task<ConversationTurnResult> SendAsync(Activity activity, BotCallbackHandler callback)
    {
        activity.Id ??= $"in-{Interlocked.Increment(ref _nextId)}";
        activity.Locale ??= Locale;
        activity.ChannelId ??= Channels.Test;
        activity.Conversation ??= new ConversationAccount(ConversationId);
        activity.From ??= new ChannelAccount("user", "User", RoleTypes.User);
        activity.Recipient ??= new ChannelAccount("bot", "Bot", RoleTypes.Bot);
        return Runner.RunTurnAsync(activity, callback);
    }

    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            activity.Id = $"out-{Interlocked.Increment(ref _nextId)}";
            if (!activity.IsType(ActivityTypes.Typing))
            {
                _replies.Enqueue(activity);
            }

            responses.Add(new ResourceResponse(activity.Id));
        }

        return Task.FromResult(responses.ToArray());
    }
}
