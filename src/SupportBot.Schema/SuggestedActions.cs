using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>Quick-reply buttons shown under the latest bot message.</summary>
public class SuggestedActions
{
    /// <summary>Creates empty suggested actions.</summary>
    public SuggestedActions()
    {
    }

    /// <summary>Creates suggested actions with the given buttons.</summary>
    public SuggestedActions(IEnumerable<CardAction> actions, IEnumerable<string>? to = null)
    {
        Actions = actions.ToList();
        To = to?.ToList();
    }

    /// <summary>Ids of the recipients that should see the actions; empty or missing = everyone.</summary>
    public IList<string>? To { get; set; }

    /// <summary>The buttons.</summary>
    public IList<CardAction>? Actions { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
