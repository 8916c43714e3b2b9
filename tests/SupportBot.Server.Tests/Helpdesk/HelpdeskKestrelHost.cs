using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Helpdesk.Auth;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Helpdesk;

/// <summary>
/// The real host on Kestrel (127.0.0.1, free port) over a data directory, with a signed webhook, staff accounts
/// (agent "sato", wrong-role "viewer") and every log line kept so the test can look for secrets in them.
/// </summary>
internal sealed class HelpdeskKestrelHost : IDisposable
{
    public const string WebhookSecret = "test-webhook-secret";
    public const string Password = "スタッフ-pass-123";

    // Low iteration count: the hash states its own iterations, so the real verifier runs fast.
    private static readonly string PasswordHash = PasswordHasher.Hash(Password, iterations: 1000);

    private HelpdeskKestrelHost(SupportBotFactory factory, Uri baseAddress, ConcurrentQueue<string> logs)
    {
        Factory = factory;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public SupportBotFactory Factory { get; }

    public Uri BaseAddress { get; }

    /// <summary>Every formatted log message of this host (all categories, all levels).</summary>
    public ConcurrentQueue<string> Logs { get; }

    public IServiceProvider Services => Factory.Services;

    public static HelpdeskKestrelHost Start(string dataDir, string? webhookUrl, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Helpdesk:AllowBasicOverHttp"] = "true",
            ["Helpdesk:Accounts:0:UserName"] = "sato",
            ["Helpdesk:Accounts:0:DisplayName"] = "佐藤",
            ["Helpdesk:Accounts:0:PasswordHash"] = PasswordHash,
            ["Helpdesk:Accounts:0:Roles:0"] = HelpdeskRoles.Agent,
            ["Helpdesk:Accounts:1:UserName"] = "viewer",
            ["Helpdesk:Accounts:1:PasswordHash"] = PasswordHash,
            ["Helpdesk:Accounts:1:Roles:0"] = "reports-viewer",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        if (webhookUrl is not null)
        {
            settings["Helpdesk:Webhook:Url"] = webhookUrl;
            settings["Helpdesk:Webhook:Secret"] = WebhookSecret;
            settings["Helpdesk:Webhook:ImmediateRetries"] = "2";
            settings["Helpdesk:Webhook:ImmediateRetryDelay"] = "00:00:00.100";
            settings["Helpdesk:Webhook:OutboxBackoff"] = "00:00:01";
            settings["Helpdesk:Webhook:OutboxBackoffMax"] = "00:00:02";
            settings["Helpdesk:Webhook:PollInterval"] = "00:00:00.200";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var logs = new ConcurrentQueue<string>();
        var factory = new SupportBotFactory(dataDir, settings, fakeTime: false, services: s => s.AddSingleton<ILoggerProvider>(new CollectingLoggerProvider(logs)));
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        return new HelpdeskKestrelHost(factory, new Uri(address + "/"), logs);
    }

    /// <summary>A Direct Line client over real HTTP to this host.</summary>
    public DirectLineTestClient DirectLine() => new(new HttpClient { BaseAddress = BaseAddress });

    /// <summary>An HTTP client to this host, optionally with Basic credentials of <paramref name="user"/>.</summary>
    public HttpClient Staff(string? user = null, string password = Password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        return client;
    }

    public void Dispose() => Factory.Dispose();

    /// <summary>Keeps every formatted message (and exception text) in a queue.</summary>
    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, sink);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
