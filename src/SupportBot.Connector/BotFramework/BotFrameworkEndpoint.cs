using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connector.Authentication;
using SupportBot.Connector.BotFramework.Teams;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.BotFramework;

/// <summary>
/// <c>POST /api/messages</c> (protocol.md §2): parse, authenticate, then either write the activity to the inbox, queue
/// the turn and answer 202, or — for <c>invoke</c> and <c>expectReplies</c> — run it inline and answer with its result.
/// A 202 is only given once the inbox write is committed: the channel does not retry an accepted activity.
/// </summary>
internal sealed class BotFrameworkEndpoint(
    IChannelAuthenticator authenticator,
    BotFrameworkChannelAdapter adapter,
    BotFrameworkTurnQueue queue,
    ChannelCapabilities capabilities,
    IActivityInbox inbox,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    IOptions<BotFrameworkChannelOptions> options,
    ILogger<BotFrameworkEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await BotFrameworkRequestBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "The activity is larger than the configured limit.");
        }

        var activity = Parse(body.Bytes);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body must be a JSON Bot Framework activity with a type.");
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return Refuse(StatusCodes.Status400BadRequest, "The activity needs conversation.id and serviceUrl.");
        }

        var auth = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString(), activity.ChannelId ?? "", activity.ServiceUrl, context.RequestAborted).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            return Results.StatusCode(auth.StatusCode); // empty body: say nothing about why
        }

        activity.CallerId = auth.CallerId; // whatever came on the wire is discarded (A2251)
        if (TeamsMentionGate.ShouldIgnore(activity, capabilities))
        {
            BotFrameworkLog.NotMentioned(logger, activity.Conversation!.ConversationType, activity.Conversation.Id!);
            return Results.Ok();
        }

        if (activity.IsType(ActivityTypes.Invoke) || IsExpectReplies(activity))
        {
            return await RunInlineAsync(activity).ConfigureAwait(false);
        }

        return await AcceptAsync(context, activity, auth.ServiceUrlTrusted).ConfigureAwait(false);
    }

    private async Task<IResult> AcceptAsync(HttpContext context, Activity activity, bool serviceUrlTrusted)
    {
        var conversationId = activity.Conversation!.Id!;
        if (queue.FreeSlots == 0)
        {
            return QueueFull(context, conversationId); // checked first: no inbox write under overload
        }

        if (!serviceUrlTrusted)
        {
            // Its replies cannot go out anyway; the inbox only holds activities whose serviceUrl recovery may trust again.
            return queue.TryEnqueue(activity) ? Results.StatusCode(StatusCodes.Status202Accepted) : QueueFull(context, conversationId);
        }

        long entryId;
        try
        {
            // Not the request's token: once written, the entry must reach the queue (or be deleted) whatever the client does.
            entryId = await inbox.AddAsync(conversationId, activity.Id, BotJson.Serialize(activity), time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            BotFrameworkLog.InboxWriteFailed(logger, ex, conversationId);
            context.Response.Headers.RetryAfter = "5";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (!queue.TryEnqueue(activity, entryId))
        {
            await CompleteQuietlyAsync(entryId).ConfigureAwait(false); // refused: leave no entry behind
            return QueueFull(context, conversationId);
        }

        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private IResult QueueFull(HttpContext context, string conversationId)
    {
        BotFrameworkLog.QueueFull(logger, queue.Capacity, conversationId);
        context.Response.Headers.RetryAfter = "1";
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private async Task CompleteQuietlyAsync(long entryId)
    {
        try
        {
            await inbox.CompleteAsync(entryId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Left behind, it is re-run after a restart; the channel's retry of the same id is then a duplicate.
            BotFrameworkLog.InboxCompleteFailed(logger, ex, entryId);
        }
    }

    private async Task<IResult> RunInlineAsync(Activity activity)
    {
        // The app's lifetime, not the request's: once started, a turn finishes and saves its state.
        var result = await adapter.ProcessAsync(activity, lifetime.ApplicationStopping).ConfigureAwait(false);
        if (IsExpectReplies(activity))
        {
            var replies = result.Delivered
                .Where(a => !a.IsType(ActivityTypes.Trace) || string.Equals(activity.ChannelId, Channels.Emulator, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var expected = new Dictionary<string, object?> { ["activities"] = replies };
            if (result.InvokeResponse is { } ir)
            {
                expected["body"] = ir.Body; // the SDK's ExpectedReplies carries an invoke's body too
            }

            return Results.Json(expected, BotJson.Options, statusCode: StatusCodes.Status200OK);
        }

        if (result.InvokeResponse is not { } response)
        {
            // A duplicate redelivery was already answered; anything else nobody handled.
            return Results.StatusCode(result.Status == Builder.TurnStatus.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status501NotImplemented);
        }

        return response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
    }

    private IResult Refuse(int status, string detail)
    {
        BotFrameworkLog.Refused(logger, status, detail);
        return Results.Problem(statusCode: status, detail: detail);
    }

    private static Activity? Parse(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? null : BotJson.DeserializeActivity(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsExpectReplies(Activity activity)
        => string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
}
