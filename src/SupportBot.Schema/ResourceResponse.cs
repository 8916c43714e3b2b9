namespace SupportBot.Schema;

/// <summary>The answer of a send: the id the channel assigned to the activity.</summary>
public class ResourceResponse
{
    /// <summary>Creates an empty response.</summary>
    public ResourceResponse()
    {
    }

    /// <summary>Creates a response with the given id.</summary>
    public ResourceResponse(string? id) => Id = id;

    /// <summary>The activity id, or null when the channel assigned none.</summary>
    public string? Id { get; set; }
}
