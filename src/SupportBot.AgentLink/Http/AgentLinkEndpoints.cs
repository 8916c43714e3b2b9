using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Jobs;
using SupportBot.AgentLink.Pairing;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Http;

/// <summary>The agent routes of the HTTP contract (see SupportBot.Agent.Contracts/README.md).</summary>
internal static class AgentLinkEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AgentContract.PairPath, PairAsync);
        endpoints.MapGet(AgentContract.JobsPath, PollAsync);
        endpoints.MapPost(AgentContract.ResultsPath, PostResultAsync);
        endpoints.MapGet("/agent/download", DownloadPage.Handle);
    }

    private static async Task<IResult> PairAsync(HttpContext http, AgentPairingService pairing, ResultDelivery delivery, IOptions<AgentLinkOptions> options)
    {
        var (request, error) = await AgentRequests.ReadJsonAsync(http, AgentJsonContext.Default.PairRequest, 4096);
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(request!.Code)) return AgentRequests.BadRequest("'code' is required.");
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = pairing.Pair(request, address);
        if (outcome.Response is not { } response)
            return Results.Json(new AgentError(outcome.Error!, Message(outcome.Error!)), AgentJsonContext.Default.AgentError, statusCode: outcome.Status);
        // The chat learns of the pairing now (the bot stops waiting), not at the first job.
        await delivery.PairedAsync(outcome.ConversationId!, http.RequestAborted);
        return Results.Json(response, AgentJsonContext.Default.PairResponse);
    }

    private static async Task<IResult> PollAsync(HttpContext http, AgentTokens tokens, IAgentLinkStore store, AgentJobService jobs,
        IOptions<AgentLinkOptions> options, TimeProvider time)
    {
        var (caller, error) = await AgentRequests.AuthenticateAsync(http, tokens, store, time);
        if (error is not null) return error;
        var waitText = http.Request.Query["wait"].ToString();
        var wait = 0;
        if (waitText.Length > 0 && (!int.TryParse(waitText, NumberStyles.None, CultureInfo.InvariantCulture, out wait)))
            return AgentRequests.BadRequest("'wait' must be a whole number of seconds (0 or more).");
        wait = Math.Min(wait, options.Value.MaxWaitSeconds);
        IReadOnlyList<CheckRequest>? claimed;
        try
        {
            claimed = await jobs.PollAsync(caller!, TimeSpan.FromSeconds(wait), http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the agent went away; nobody reads this answer
        }
        return claimed switch
        {
            null => Results.NoContent(),
            [] => Results.StatusCode(StatusCodes.Status410Gone),
            _ => Results.Json(new JobPollResponse(claimed, time.GetUtcNow()), AgentJsonContext.Default.JobPollResponse),
        };
    }

    private static async Task<IResult> PostResultAsync(HttpContext http, AgentTokens tokens, IAgentLinkStore store, AgentJobService jobs,
        IOptions<AgentLinkOptions> options, TimeProvider time)
    {
        var (caller, error) = await AgentRequests.AuthenticateAsync(http, tokens, store, time);
        if (error is not null) return error;
        var (result, bodyError) = await AgentRequests.ReadJsonAsync(http, AgentJsonContext.Default.CheckResult, options.Value.MaxResultBytes);
        if (bodyError is not null) return bodyError;
        if (ResultValidation.Problem(result!) is { } problem) return AgentRequests.BadRequest(problem);
        return await jobs.CompleteAsync(caller!, result!, http.RequestAborted) switch
        {
            CompleteOutcome.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown job",
                detail: "No such job for this agent."),
            CompleteOutcome.KindMismatch => AgentRequests.BadRequest("'kind' does not match the job."),
            _ => Results.Accepted(), // accepted, a repeat of an accepted result, or too late to matter: the agent moves on
        };
    }

    private static string Message(string error) => error switch
    {
        "locked" => "Too many attempts. Wait a while, then ask the bot for a new code.",
        "expired" => "The code has expired. Ask the bot for a new code.",
        "used" => "The code was already used. Ask the bot for a new code.",
        _ => "Unknown code. Check the code shown in the chat.",
    };
}
