using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// The REAL host on Kestrel (127.0.0.1, free port, temp SQLite data dir, real clock) so the real agent process can
/// reach it, with a Direct Line client over real HTTP. <c>AgentLink:*</c> settings come from the test.
/// </summary>
public sealed class HelperHost : IDisposable
{
    private readonly SupportBotFactory _factory;
    private readonly HttpClient _http;

    public HelperHost(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["AgentLink:ExpirySweepInterval"] = "00:00:00.200",
            ["AgentLink:StorePollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings) all[key] = value;
        _factory = new SupportBotFactory(settings: all, fakeTime: false);
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        BaseUrl = address.TrimEnd('/');
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(100) };
        DirectLine = new DirectLineTestClient(_http);
    }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c> (what the helper's <c>--server</c> gets).</summary>
    public string BaseUrl { get; }

    public DirectLineTestClient DirectLine { get; }

    public IServiceProvider Services => _factory.Services;

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
    }
}
