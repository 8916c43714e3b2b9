using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.AgentLink;
using SupportBot.Flows.Checks;

namespace SupportBot.Server.Agent;

/// <summary>
/// The PC helper link in the host: <c>/api/agent/*</c> and <c>/agent/download</c>, results and pairings run as turns
/// of the conversation (<see cref="AgentTurnSink"/>), flow checks through <see cref="AgentFlowCheckRunner"/>, and the
/// consent dialog (<see cref="AgentOfferDialog"/>). Configuration: the <c>AgentLink</c> section (see README.md).
/// </summary>
public static class AgentHostExtensions
{
    /// <summary>Registers the agent link (<see cref="AgentLinkExtensions.AddAgentLink"/>) and the host's parts of it.</summary>
    public static WebApplicationBuilder AddSupportBotAgentLink(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAgentLink(builder.Configuration);
        services.AddOptions<AgentHostOptions>()
            .BindConfiguration(AgentLinkOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _),
                "AgentLink:PublicUrl must be an absolute URL.")
            .ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton<IAgentResultSink, AgentTurnSink>());
        services.AddSingleton<AgentPublicUrl>();
        services.AddSingleton<IFlowCheckRunner, AgentFlowCheckRunner>();
        services.AddSingleton<AgentOfferDialog>();
        return builder;
    }

    /// <summary>Maps <c>POST /api/agent/pair</c>, <c>GET /api/agent/jobs</c>, <c>POST /api/agent/results</c> and <c>GET /agent/download</c>.</summary>
    public static WebApplication MapSupportBotAgentLink(this WebApplication app)
    {
        app.MapAgentLink();
        return app;
    }
}
