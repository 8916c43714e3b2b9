using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Connector.Authentication;

/// <summary>DI registration for inbound Bot Framework authentication.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChannelAuthenticator"/>, <see cref="ITrustedServiceUrls"/> (in memory) and the key caches,
    /// binding <see cref="BotFrameworkAuthenticationOptions"/> from the configuration root (Bot Framework key names).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkAuthenticationOptions>().Bind(configuration);
        services.AddHttpClient(OpenIdKeySources.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITrustedServiceUrls, InMemoryTrustedServiceUrls>();
        services.TryAddSingleton<OpenIdKeySources>();
        services.TryAddSingleton<IChannelAuthenticator, ChannelAuthenticator>();
        return services;
    }
}
