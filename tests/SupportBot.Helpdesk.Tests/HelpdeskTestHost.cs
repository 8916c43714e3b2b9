using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SupportBot.Helpdesk.Tests;

/// <summary>A generic host with <c>AddHelpdesk</c> on a given database file (for the drainer and relay tests).</summary>
internal static class HelpdeskTestHost
{
    public const string Secret = "test-secret-0123456789";

    public static async Task<IHost> StartAsync(string databasePath, string? webhookUrl, Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetDirectoryName(databasePath) });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Helpdesk:DatabasePath"] = databasePath,
            ["Helpdesk:Webhook:Url"] = webhookUrl,
            ["Helpdesk:Webhook:Secret"] = Secret,
            ["Helpdesk:Webhook:ImmediateRetries"] = "1",
            ["Helpdesk:Webhook:ImmediateRetryDelay"] = "00:00:00.050",
            ["Helpdesk:Webhook:OutboxBackoff"] = "00:00:00.200",
            ["Helpdesk:Webhook:OutboxBackoffMax"] = "00:00:01",
            ["Helpdesk:Webhook:PollInterval"] = "00:00:00.050",
            ["Helpdesk:Webhook:AttemptTimeout"] = "00:00:05",
            ["Helpdesk:MapOpenApi"] = "false",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddHelpdesk();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
