using System.Net;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>The Bot Connector answered with an error after retries (or with a status that is never retried).</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException(HttpStatusCode statusCode, string? responseBody, string? correlationId)
        : base($"Bot Connector returned {(int)statusCode} {statusCode}.")
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        CorrelationId = correlationId;
    }

    /// <summary>HTTP status of the final attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error body (<c>{"error":{"code","message"}}</c>), for logs.</summary>
    public string? ResponseBody { get; }

    /// <summary>The <c>X-Correlating-OperationId</c> response header, to quote to Microsoft support.</summary>
    public string? CorrelationId { get; }
}

/// <summary>A send was refused before any HTTP call because the serviceUrl never arrived with an authenticated activity.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : InvalidOperationException($"serviceUrl '{serviceUrl}' is not trusted: no authenticated activity carried it.")
{
    /// <summary>The refused URL.</summary>
    public string ServiceUrl { get; } = serviceUrl;
}
