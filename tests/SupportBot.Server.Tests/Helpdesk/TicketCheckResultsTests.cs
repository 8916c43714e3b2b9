using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.Bot;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Helpdesk;

/// <summary>
/// The PC helper's check results go into the ticket: the host asks <see cref="IAgentCheckDispatcher.ListResultsAsync"/>
/// for the conversation when it escalates. A stand-in dispatcher (the narrow interface) supplies one result, since a
/// paired helper is covered by the agent end-to-end tests.
/// </summary>
public sealed class TicketCheckResultsTests : IDisposable
{
    private static readonly TicketStatus[] Active = [TicketStatus.Open, TicketStatus.Claimed];
    private readonly RecordedResults _results = new();
    private readonly SupportBotFactory _factory;

    public TicketCheckResultsTests() =>
        _factory = new SupportBotFactory(services: s => s.Replace(ServiceDescriptor.Singleton<IAgentCheckDispatcher>(_results)));

    [Fact]
    public async Task Escalation_TicketHoldsTheConversationsCheckResults_WithKeysMasked()
    {
        var (chat, _) = await BotConversation.StartAsync(_factory.DirectLine());
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        _results.For[chat.ConversationId] =
        [
            new CheckResult("job-1", "product-version", CheckStatus.Pass,
                new Dictionary<string, FactValue> { ["version"] = FactValue.Of("2.5.0"), ["note"] = FactValue.Of("key ABCD-EFGH-JKMN-PQRS found") },
                ["Passage 2.5.0 installed"], new CheckTimings(at, at.AddMilliseconds(120), new Dictionary<string, double> { ["total"] = 120 }), AgentVersion: "1.0.0"),
        ];
        await chat.SayAsync("担当者と話したい");

        var ticket = await _factory.Services.GetRequiredService<ITicketStore>().FindLatestByConversationAsync(chat.ConversationId, Active);
        Assert.NotNull(ticket);
        var check = Assert.Single(ticket.Checks);
        Assert.Equal("job-1", check.GetProperty("jobId").GetString());
        Assert.Equal("product-version", check.GetProperty("kind").GetString());
        Assert.Contains("2.5.0", check.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("EFGH-JKMN", check.GetRawText(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
    }

    /// <summary>Results by conversation; queuing is not part of this test.</summary>
    private sealed class RecordedResults : IAgentCheckDispatcher
    {
        public Dictionary<string, IReadOnlyList<CheckResult>> For { get; } = [];

        public Task<CheckRequest> DispatchAsync(string conversationId, AgentCheck check, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Not paired in this test.");

        public Task<IReadOnlyList<CheckResult>> ListResultsAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult(For.GetValueOrDefault(conversationId) ?? []);
    }
}
