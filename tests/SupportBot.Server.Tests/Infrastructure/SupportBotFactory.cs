using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SupportBot.Server.Tests.Infrastructure;

/// <summary>
/// The real host on a temp data directory (a real SQLite file). Two factories on the same
/// <see cref="DataDir"/> model a restart. Time is a <see cref="FakeTimeProvider"/> the test can move.
/// </summary>
public sealed class SupportBotFactory(
    string? dataDir = null,
    IDictionary<string, string?>? settings = null,
    bool fakeTime = true,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDir { get; } = dataDir ?? NewDataDir();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "supportbot-server-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SupportBot:DataDir", DataDir);
        builder.UseSetting("SupportBot:TokenRateLimit:PermitLimit", "1000");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(collection =>
        {
            if (fakeTime)
            {
                collection.AddSingleton<TimeProvider>(Time);
            }
            services?.Invoke(collection);
        });
    }

    public DirectLineTestClient DirectLine() => new(CreateClient());

    public static void DeleteDataDir(string dataDir)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open by a finishing host.
        }
    }
}
