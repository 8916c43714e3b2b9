namespace SupportBot.Builder;

/// <summary>Thrown from an invoke handler to answer with a specific status and body.</summary>
public class InvokeResponseException : Exception
{
    private readonly int _statusCode;
    private readonly object? _body;

    /// <summary>Creates the exception with the status (and optional body) to answer with.</summary>
    public InvokeResponseException(int statusCode, object? body = null)
        : base($"Invoke answered with status {statusCode}.")
    {
        _statusCode = statusCode;
        _body = body;
    }

    /// <summary>The invoke response this exception stands for.</summary>
    public InvokeResponse CreateInvokeResponse() => new() { Status = _statusCode, Body = _body };
}
