using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Jobs;
using SupportBot.AgentLink.Store;
using Microsoft.AspNetCore.Http;
using SupportBot.Schema;

namespace SupportBot.AgentLink.Pairing;

/// <summary>The outcome of <c>POST /api/agent/pair</c>: a response (and the conversation paired), or an error code with its HTTP status.</summary>
internal sealed record PairOutcome(PairResponse? Response, int Status, string? Error, string? ConversationId = null);

/// <summary>Codes, pairing, sessions and presence (<see cref="IAgentPairing"/>, <see cref="IAgentPresence"/>).</summary>
internal sealed class AgentPairingService(
    IAgentLinkStore store, AgentTokens tokens, PairingThrottle throttle, JobSignal signal,
    IOptions<AgentLinkOptions> options, TimeProvider time, ILogger<AgentPairingService> logger) : IAgentPairing, IAgentPresence
{
    public Task<PairingCode> CreateCodeAsync(ConversationReference conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (string.IsNullOrEmpty(conversation.Conversation?.Id)) throw new ArgumentException("The reference has no conversation id.", nameof(conversation));
        var now = time.GetUtcNow();
        var expires = now + options.Value.CodeLifetime;
        for (var attempt = 0; ; attempt++)
        {
            var code = PairingCodes.Generate();
            // A hash collision with a stored code is astronomically rare; draw again rather than fail.
            if (store.AddCode(conversation, PairingCodes.Hash(code), now.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds()))
            {
                Log.CodeCreated(logger, conversation.Conversation.Id, expires);
                return Task.FromResult(new PairingCode(code, expires));
            }
            if (attempt > 5) throw new InvalidOperationException("Could not draw a free pairing code.");
        }
    }

    public Task EndConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (store.End(conversationId, time.GetUtcNow().ToUnixTimeMilliseconds())) Log.Ended(logger, conversationId);
        signal.Pulse(conversationId); // a waiting long-poll answers 410 now, not at its timeout
        return Task.CompletedTask;
    }

    public Task<bool> IsPairedAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return Task.FromResult(store.IsPaired(conversationId, now.ToUnixTimeMilliseconds(), (now - options.Value.PresenceWindow).ToUnixTimeMilliseconds()));
    }

    /// <summary>Redeems a code for an agent at <paramref name="address"/>.</summary>
    public PairOutcome Pair(PairRequest request, string address)
    {
        if (throttle.IsLocked(address))
        {
            Log.PairingRefused(logger, address, "locked");
            return new PairOutcome(null, StatusCodes.Status429TooManyRequests, "locked");
        }
        var code = PairingCodes.Normalise(request.Code);
        var now = time.GetUtcNow();
        var sessionId = Guid.NewGuid().ToString("n");
        var expires = now + options.Value.TokenLifetime;
        var (outcome, conversationId) = code is null
            ? (RedeemOutcome.Invalid, null)
            : store.Redeem(PairingCodes.Hash(code), now.ToUnixTimeMilliseconds(), sessionId, expires.ToUnixTimeMilliseconds(),
                Clip(request.AgentVersion, 32), Clip(request.Os, 128));
        if (outcome != RedeemOutcome.Paired || conversationId is null)
        {
            throttle.Failed(address); // every refusal counts, so used/expired codes cannot be probed either
            var error = outcome switch { RedeemOutcome.Expired => "expired", RedeemOutcome.Used => "used", _ => "invalid_code" };
            Log.PairingRefused(logger, address, error);
            return new PairOutcome(null, StatusCodes.Status404NotFound, error);
        }
        Log.Paired(logger, conversationId, Clip(request.AgentVersion, 32));
        var token = tokens.Issue(sessionId, conversationId, expires);
        return new PairOutcome(new PairResponse(token, AgentContract.JobsPath, AgentContract.ResultsPath, expires), StatusCodes.Status200OK, null, conversationId);
    }

    private static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];
}
