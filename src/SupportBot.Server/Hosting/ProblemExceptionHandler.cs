using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SupportBot.Connector.DirectLine;

namespace SupportBot.Server.Hosting;

/// <summary>
/// Turns expected failures into problem+json with a Direct Line style <c>code</c>: our own
/// <see cref="DirectLineException"/>s and Kestrel's bad requests (e.g. body too large → 413).
/// Anything else is left to the default handler (500 problem+json).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            DirectLineException dl => (dl.StatusCode, dl.Code, dl.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, "The request body is too large."),
            BadHttpRequestException bad => (bad.StatusCode, DirectLineErrorCodes.BadArgument, "The request is malformed."),
            _ => (0, string.Empty, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }
        LogRejected(logger, httpContext.Request.Method, httpContext.Request.Path, status, code);
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = code, Detail = detail };
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Method} {Path} rejected: {Status} {Code}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int status, string code);
}
