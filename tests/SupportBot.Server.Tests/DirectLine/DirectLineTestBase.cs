using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.DirectLine;

/// <summary>One fresh host (own data directory) per test class instance.</summary>
public abstract class DirectLineTestBase : IDisposable
{
    protected DirectLineTestBase(IDictionary<string, string?>? settings = null)
    {
        Factory = new SupportBotFactory(settings: settings);
        Client = Factory.DirectLine();
    }

    protected SupportBotFactory Factory { get; }

    protected DirectLineTestClient Client { get; }

    public void Dispose()
    {
        Factory.Dispose();
        SupportBotFactory.DeleteDataDir(Factory.DataDir);
        GC.SuppressFinalize(this);
    }
}
