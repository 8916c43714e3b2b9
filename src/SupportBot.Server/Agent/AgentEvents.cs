using SupportBot.AgentLink;
using SupportBot.Schema;

namespace SupportBot.Server.Agent;

/// <summary>
/// The <c>agent.result</c> / <c>agent.paired</c> turns the host runs for the agent link. They are stamped with a
/// caller id no channel can send (both channels overwrite <c>callerId</c> on the wire), so a chat user posting an
/// event of the same name cannot answer a check or fake a pairing.
/// </summary>
public static class AgentEvents
{
    /// <summary>The caller id of turns made by the agent link.</summary>
    public const string CallerId = "urn:supportbot:agentlink";

    /// <summary>The activity for <paramref name="resultEvent"/>, ready for the channel adapter.</summary>
    public static Activity ToTurn(AgentResultEvent resultEvent) => Stamp(resultEvent.ToActivity());

    /// <summary>The activity for <paramref name="paired"/>, ready for the channel adapter.</summary>
    public static Activity ToTurn(AgentPairedEvent paired) => Stamp(paired.ToActivity());

    /// <summary>Whether <paramref name="activity"/> is an agent-link event the host made (not one posted by a user).</summary>
    public static bool IsFromAgentLink(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.Event)
            && string.Equals(activity.CallerId, CallerId, StringComparison.Ordinal)
            && activity.Name is AgentResultEvent.EventName or AgentPairedEvent.EventName;
    }

    /// <summary>Whether <paramref name="activity"/> is the host's <c>agent.paired</c> event.</summary>
    public static bool IsPaired(Activity activity) =>
        IsFromAgentLink(activity) && activity.Name == AgentPairedEvent.EventName;

    private static Activity Stamp(Activity activity)
    {
        activity.CallerId = CallerId;
        // A fresh turn, not a redelivery of the message the reference was stored from (the runner would skip it).
        activity.Id = null;
        activity.ReplyToId = null;
        return activity;
    }
}
