using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Connector.Authentication;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>DI registration for outbound Bot Connector calls.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/>, the app token provider chosen by <c>MicrosoftAppType</c> (none without
    /// an app id), and <see cref="ConversationRateGate"/>; binds <see cref="ConnectorClientOptions"/> from section
    /// <c>Connector</c>. Calls <c>AddBotFrameworkAuthentication</c>
    /// too, because sends depend on the trusted serviceUrls that inbound authentication records.
    /// </summary>
    public static IServiceCollection AddBotConnectorClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddOptions<ConnectorClientOptions>().Bind(configuration.GetSection(ConnectorClientOptions.SectionName));
        services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotConnectorClient.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value.AttemptTimeout);
        services.TryAddSingleton<ConversationRateGate>();
        services.TryAddSingleton<IAppTokenProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
            return options.IsAnonymous ? new NoAppTokenProvider()
                : options.MicrosoftAppType == BotAppType.UserAssignedMSI ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(provider)
                : ActivatorUtilities.CreateInstance<ClientCredentialsTokenProvider>(provider);
        });
        services.TryAddSingleton<IConnectorClient, BotConnectorClient>();
        return services;
    }
}
