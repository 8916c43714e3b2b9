using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Connector.DirectLine.Tokens;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// The Direct Line 3.0 operations behind the HTTP endpoints: reserving and starting conversations,
/// accepting user activities (stamp, log, echo, run the turn) and delivering the bot's replies.
/// Free of ASP.NET so it can be tested and hosted anywhere. The conversation lock (the host's
/// <see cref="IConversationLockProvider"/>: cross-instance on PostgreSQL) is held from logging a user's
/// activity to the end of its turn, so with several instances replies still follow their message.
/// </summary>
public sealed partial class DirectLineConversations(
    IDirectLineConversationRegistry registry,
    IActivityLog log,
    IDirectLineBroadcaster broadcaster,
    DirectLineTokenService tokens,
    IConversationLockProvider locks,
    IDirectLineTurnProcessor turns,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineConversations> logger)
{
    /// <summary>The channel id stamped on every activity.</summary>
    public const string ChannelId = "directline";

    private const int ReadPageSize = 500;

    private ChannelAccount Bot => new(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);

    /// <summary>Reserves a conversation and issues its token (<c>tokens/generate</c>); the bot hears of it only at start.</summary>
    public async Task<DirectLineConversationGrant> ReserveAsync(string? requestedUserId, CancellationToken cancellationToken)
    {
        var userId = DirectLineIds.UserIdFor(requestedUserId);
        var conversationId = DirectLineIds.NewConversationId();
        await registry.TryCreateAsync(new DirectLineConversation(conversationId, userId, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var token = tokens.Issue(conversationId, userId);
        return new DirectLineConversationGrant(conversationId, token.Token, token.ExpiresIn, Created: false);
    }

    /// <summary>
    /// <c>POST /conversations</c>: the secret starts a new conversation; a token starts its own
    /// conversation once (Created) and afterwards just answers with it again.
    /// </summary>
    public async Task<DirectLineConversationGrant> StartAsync(DirectLineCaller caller, string? requestedUserId, string? locale, CancellationToken cancellationToken)
    {
        var grant = caller.IsSecret
            ? await ReserveAsync(requestedUserId, cancellationToken).ConfigureAwait(false)
            : new DirectLineConversationGrant(caller.ConversationId!, caller.Token!, SecondsLeft(caller), Created: false);
        var conversation = await FindOpenAsync(grant.ConversationId, cancellationToken).ConfigureAwait(false);
        if (!await registry.TryMarkStartedAsync(conversation.ConversationId, cancellationToken).ConfigureAwait(false))
        {
            return grant;
        }

        LogConversationStarted(logger, conversation.ConversationId, conversation.UserId);
        // The user is known from the token, so the bot greets now: membersAdded = [bot, user] (never sent to clients).
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = DirectLineIds.TransientActivityId(conversation.ConversationId),
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            Conversation = new ConversationAccount(conversation.ConversationId),
            From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            Recipient = Bot,
            Locale = locale,
            MembersAdded = [Bot, new ChannelAccount(conversation.UserId, role: RoleTypes.User)],
        };
        await using (await locks.AcquireAsync(conversation.ConversationId, cancellationToken).ConfigureAwait(false))
        {
            await RunTurnAsync(update, CancellationToken.None).ConfigureAwait(false);
        }
        return grant with { Created = true };
    }

    /// <summary><c>GET /conversations/{id}</c>: 404 unless the conversation exists and is open.</summary>
    public async Task<DirectLineConversationGrant> ResumeAsync(DirectLineCaller caller, string conversationId, CancellationToken cancellationToken)
    {
        caller.EnsureMayAccess(conversationId);
        var conversation = await FindOpenAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return caller.IsSecret
            ? new DirectLineConversationGrant(conversationId, tokens.Issue(conversationId, conversation.UserId).Token, (int)options.Value.TokenLifetime.TotalSeconds, false)
            : new DirectLineConversationGrant(conversationId, caller.Token!, SecondsLeft(caller), false);
    }

    /// <summary><c>tokens/refresh</c>: a new token for the same conversation and user.</summary>
    public async Task<DirectLineConversationGrant> RefreshAsync(DirectLineCaller caller, CancellationToken cancellationToken)
    {
        if (caller.IsSecret)
        {
            throw DirectLineException.BadArgument("Refresh needs a token, not the secret.");
        }
        await FindOpenAsync(caller.ConversationId!, cancellationToken).ConfigureAwait(false);
        var token = tokens.Issue(caller.ConversationId!, caller.UserId!);
        return new DirectLineConversationGrant(token.ConversationId, token.Token, token.ExpiresIn, false);
    }

    /// <summary>Activities after <paramref name="watermark"/>, oldest first (typing is never stored).</summary>
    public async Task<ActivitySetPage> ReadAsync(DirectLineCaller caller, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        caller.EnsureMayAccess(conversationId);
        await FindOpenAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var page = await log.ReadAfterAsync(conversationId, watermark, ReadPageSize, cancellationToken).ConfigureAwait(false);
        return new ActivitySetPage(page.Select(a => a.Json).ToList(), page.Count == 0 ? watermark : page[^1].Position);
    }

    private int SecondsLeft(DirectLineCaller caller) =>
        (int)Math.Max(0, ((caller.ExpiresAt ?? time.GetUtcNow()) - time.GetUtcNow()).TotalSeconds);

    private async Task<DirectLineConversation> FindOpenAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await registry.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return conversation is { Ended: false } ? conversation : throw DirectLineException.NotFound(conversationId);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started for {UserId}")]
    private static partial void LogConversationStarted(ILogger logger, string conversationId, string userId);
}
