using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Connector.Authentication;
using SupportBot.Connector.Tests.Infrastructure;

namespace SupportBot.Connector.Tests.Authentication;

/// <summary>Builds the authenticator the way the host will (DI + configuration keys), pointed at a local issuer.</summary>
public static class AuthTestHost
{
    public const string AppId = "6f3a1f0e-1111-4c3b-9a52-0b1d7c2f0001";
    public const string OtherAppId = "9d0c2b7a-2222-4e55-8a10-3e4f5a6b0002";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    public static ServiceProvider Build(LocalOpenIdIssuer issuer, FakeTimeProvider time, string? appId = AppId, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "not-used-inbound",
            ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.AbsMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = issuer.EntraMetadataUrl,
            ["RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddBotFrameworkAuthentication(configuration);
        return services.BuildServiceProvider();
    }
}
