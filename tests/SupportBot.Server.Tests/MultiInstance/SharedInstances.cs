namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>The multi-instance tests run one after another (each pair of processes is heavy on 2 cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiInstanceCollection : ICollectionFixture<SharedInstances>
{
    public const string Name = "MultiInstance";
}

/// <summary>One pair of instances shared by the tests that do not kill one (started once: each start builds a host).</summary>
public sealed class SharedInstances : IAsyncLifetime
{
    /// <summary>Null when no PostgreSQL test cluster is configured.</summary>
    public TwoInstances? Instances { get; private set; }

    public async Task InitializeAsync() => Instances = await TwoInstances.TryStartAsync();

    public async Task DisposeAsync()
    {
        if (Instances is not null)
        {
            await Instances.DisposeAsync();
        }
    }
}
