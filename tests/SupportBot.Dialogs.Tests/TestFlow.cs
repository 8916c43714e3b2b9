using System.Runtime.CompilerServices;
using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Dialogs.Tests;

/// <summary>A scripted conversation: <c>await new TestFlow(adapter, bot).Send("x").AssertReply("y");</c></summary>
internal sealed class TestFlow(TestAdapter adapter, BotCallbackHandler callback)
{
    private Task _script = Task.CompletedTask;

    public TestFlow Send(string text) => Send(new Activity(ActivityTypes.Message) { Text = text });

    public TestFlow Send(Activity activity) => Then(() => adapter.SendAsync(activity, callback));

    public TestFlow AssertReply(string expectedText) => AssertReply(reply => Assert.Equal(expectedText, reply.Text));

    public TestFlow AssertReply(Action<Activity> check) => Then(() =>
    {
        var reply = adapter.GetNextReply();
        Assert.True(reply is not null, "Expected a reply but the bot sent nothing more.");
        check(reply);
        return Task.CompletedTask;
    });

    public TestFlow AssertNoReply() => Then(() =>
    {
        var reply = adapter.GetNextReply();
        Assert.True(reply is null, $"Expected no reply but got '{reply?.Text}'.");
        return Task.CompletedTask;
    });

    public TaskAwaiter GetAwaiter() => _script.GetAwaiter();

    private TestFlow Then(Func<Task> step)
    {
        var previous = _script;
        _script = Run();
        return this;

        async Task Run()
        {
            await previous;
            await step();
        }
    }
}
