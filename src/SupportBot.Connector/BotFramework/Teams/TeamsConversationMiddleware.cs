using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>
/// Teams conversation hygiene: strips the bot's own <c>&lt;at&gt;</c> mention from inbound text (by the mention
/// entity, protocol.md §7) so flows see "help", not "&lt;at&gt;Bot&lt;/at&gt; help"; and copies the inbound
/// <c>channelData.tenant</c> onto every outgoing activity that lacks one (Teams needs the tenant on replies).
/// </summary>
public sealed class TeamsConversationMiddleware : IMiddleware
{
    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var inbound = turnContext.Activity;
        if (inbound.IsType(ActivityTypes.Message) && TeamsMentionGate.MentionsRecipient(inbound))
        {
            inbound.RemoveRecipientMention();
        }

        if (TenantOf(inbound) is { } tenant)
        {
            turnContext.OnSendActivities((_, activities, send) =>
            {
                foreach (var activity in activities)
                {
                    KeepTenant(activity, tenant);
                }

                return send();
            });
        }

        return next(cancellationToken);
    }

    private static JsonNode? TenantOf(Activity activity)
        => activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
           && tenant.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(tenant.GetRawText())
            : null;

    private static void KeepTenant(Activity activity, JsonNode tenant)
    {
        var data = activity.ChannelData is { ValueKind: JsonValueKind.Object } existing
            ? JsonNode.Parse(existing.GetRawText())!.AsObject()
            : activity.ChannelData is null ? new JsonObject() : null;
        if (data is null || data.ContainsKey("tenant"))
        {
            return; // a primitive channelData is the bot's business; an explicit tenant wins
        }

        data["tenant"] = tenant.DeepClone();
        activity.ChannelData = JsonSerializer.SerializeToElement(data);
    }
}
