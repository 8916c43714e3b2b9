using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SupportBot.Server.Hosting;

namespace SupportBot.Server.Agent;

/// <summary>This server's address for the helper's command and the download link.</summary>
public sealed class AgentPublicUrl(IOptions<AgentHostOptions> options, IServiceProvider services)
{
    /// <summary>Path of the download page (or redirect) served by the agent link.</summary>
    public const string DownloadPath = "/agent/download";

    /// <summary>The configured <see cref="AgentHostOptions.PublicUrl"/>, else the first listening address, without a trailing slash.</summary>
    public string Server
    {
        get
        {
            var configured = options.Value.PublicUrl;
            if (!string.IsNullOrWhiteSpace(configured)) return configured.Trim().TrimEnd('/');
            // Resolved late: the addresses are known only once the server has started.
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                ?? addresses?.FirstOrDefault() ?? ServerDefaultsExtensions.DefaultUrl;
            return ForClients(first).TrimEnd('/');
        }
    }

    /// <summary>Where the user gets the helper.</summary>
    public string Download => Server + DownloadPath;

    // A wildcard bind address (0.0.0.0, [::], +, *) is not something a PC can connect to; localhost is.
    private static string ForClients(string address) =>
        address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
}
