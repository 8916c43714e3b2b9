namespace SupportBot.Builder;

/// <summary>The synchronous answer to an <c>invoke</c> activity: an HTTP status and an optional JSON body.</summary>
public class InvokeResponse
{
    /// <summary>HTTP status code, e.g. 200.</summary>
    public int Status { get; set; }

    /// <summary>Body serialised as JSON (any value; a <c>JsonElement</c> after a round-trip).</summary>
    public object? Body { get; set; }
}
