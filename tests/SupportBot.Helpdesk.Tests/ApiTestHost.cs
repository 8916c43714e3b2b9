using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Helpdesk.Auth;
using SupportBot.Helpdesk.Relay;

namespace SupportBot.Helpdesk.Tests;

/// <summary>A real WebApplication on a random loopback port with <c>AddHelpdesk</c>/<c>MapHelpdesk</c> and three accounts.</summary>
internal sealed class ApiTestHost : IAsyncDisposable
{
    public const string Password = "パスワード-123";

    // Low iteration count: the hash is self-describing, so tests stay fast without a test-only code path.
    private static readonly string Hash = PasswordHasher.Hash(Password, iterations: 1000);

    private ApiTestHost(WebApplication app, string baseAddress, string directory)
    {
        App = app;
        BaseAddress = new Uri(baseAddress);
        Directory = directory;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string Directory { get; }

    public RecordingMessenger Messenger => (RecordingMessenger)App.Services.GetRequiredService<IHelpdeskUserMessenger>();

    public static async Task<ApiTestHost> StartAsync()
    {
        var directory = TestData.TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Helpdesk:AllowBasicOverHttp"] = "true",
            ["Helpdesk:Accounts:0:UserName"] = "agent",
            ["Helpdesk:Accounts:0:DisplayName"] = "佐藤",
            ["Helpdesk:Accounts:0:PasswordHash"] = Hash,
            ["Helpdesk:Accounts:0:Roles:0"] = HelpdeskRoles.Agent,
            ["Helpdesk:Accounts:1:UserName"] = "admin",
            ["Helpdesk:Accounts:1:PasswordHash"] = Hash,
            ["Helpdesk:Accounts:1:Roles:0"] = HelpdeskRoles.Admin,
            ["Helpdesk:Accounts:2:UserName"] = "viewer",
            ["Helpdesk:Accounts:2:PasswordHash"] = Hash,
            ["Helpdesk:Accounts:2:Roles:0"] = "reports-viewer",
        });
        builder.Services.AddSingleton<IHelpdeskUserMessenger, RecordingMessenger>();
        builder.AddHelpdesk();
        var app = builder.Build();
        app.MapHelpdesk();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiTestHost(app, address, directory);
    }

    public HttpClient Client(string? basicUser = null, bool cookies = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (basicUser is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basicUser}:{Password}")));
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
