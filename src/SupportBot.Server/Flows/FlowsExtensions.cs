using SupportBot.Flows.Loading;
using SupportBot.Flows.Runtime;

namespace SupportBot.Server.Flows;

/// <summary>Loads the troubleshooting flows (<c>dialogs/*.yaml</c>) and refuses to start on any flow error.</summary>
public static partial class FlowsExtensions
{
    /// <summary>Registers the <see cref="FlowCatalog"/> (loaded once) and a start-up check that fails the host on errors.</summary>
    public static WebApplicationBuilder AddFlows(this WebApplicationBuilder builder)
    {
        var directory = DialogsDirectory.Resolve(builder.Configuration[DialogsDirectory.ConfigurationKey], builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(_ => FlowCatalog.Load(directory));
        builder.Services.AddHostedService(provider => new FlowsStartupCheck(
            provider.GetRequiredService<FlowCatalog>(), directory, provider.GetRequiredService<ILogger<FlowCatalog>>()));
        return builder;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Critical, Message = "Flow error: {Error}")]
    private static partial void LogFlowError(ILogger logger, FlowError error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Loaded {Count} flow(s) from {Directory}")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);

    /// <summary>Runs before the server listens: every flow error is logged, then the host stops with all of them in the message.</summary>
    private sealed class FlowsStartupCheck(FlowCatalog catalog, string directory, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (catalog.Errors.Count == 0 && catalog.Flows.Count == 0)
            {
                throw new InvalidOperationException(
                    $"No flows found in '{directory}'. Set {DialogsDirectory.ConfigurationKey} to the folder holding the dialogs/*.yaml files.");
            }
            foreach (var error in catalog.Errors)
            {
                LogFlowError(logger, error);
            }
            try
            {
                catalog.EnsureValid();
            }
            catch (FlowValidationException ex)
            {
                throw new InvalidOperationException($"SupportBot refuses to start: {ex.Message}\n(in {directory})", ex);
            }
            LogLoaded(logger, catalog.Flows.Count, directory);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
