using SupportBot.Storage;

namespace SupportBot.Server.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (storage reachable).</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the liveness and readiness probes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IStorageHealth storage, CancellationToken cancellationToken) =>
            await storage.IsReachableAsync(cancellationToken).ConfigureAwait(false)
                ? Results.Text("ready")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unreachable"));
        return app;
    }
}
