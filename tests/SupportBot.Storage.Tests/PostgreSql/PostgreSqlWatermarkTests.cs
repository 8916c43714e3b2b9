using SupportBot.Storage.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>
/// A Direct Line client polls with its watermark while two instances append: it must never see
/// position n+1 before n, or it would skip n for good.
/// </summary>
public sealed class PostgreSqlWatermarkTests : IDisposable
{
    private static CancellationToken Ct => CancellationToken.None;
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    [Fact]
    public async Task ReadAfterAsync_PollingDuringAppendsFromTwoInstances_NeverSkipsAPosition()
    {
        using var a = PostgreSqlStorage.Open(_database.ConnectionString);
        using var b = PostgreSqlStorage.Open(_database.ConnectionString);
        using var reader = PostgreSqlStorage.Open(_database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        const int perInstance = 60;

        var appends = Task.WhenAll(new[] { a, b }.SelectMany(instance => Enumerable.Range(0, perInstance).Select(_ =>
            Task.Run(() => instance.ActivityLog.AppendAsync(id, p => $$"""{"p":{{p}}}""", Ct)))));

        var seen = new List<long>();
        long watermark = 0;
        while (watermark < 2 * perInstance)
        {
            // Checked before reading: an empty page after every append finished means something was lost.
            var appendsDone = appends.IsCompleted;
            var page = await reader.ActivityLog.ReadAfterAsync(id, watermark, 7, Ct);
            foreach (var activity in page)
            {
                Assert.Equal(watermark + 1, activity.Position);
                watermark = activity.Position;
                seen.Add(activity.Position);
            }
            if (page.Count == 0 && appendsDone)
            {
                break;
            }
        }
        await appends;
        Assert.Equal(Enumerable.Range(1, 2 * perInstance).Select(i => (long)i), seen);
    }

    public void Dispose() => _database.Dispose();
}
