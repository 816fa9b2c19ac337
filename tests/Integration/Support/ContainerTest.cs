using Xunit;

namespace GoMini.Integration.Support;

/// <summary>
/// Base of tests that start real containers: a fresh bundle per test, and after the test the
/// leak check (no mount, cgroup or init process of the test may remain).
/// </summary>
[Collection(ContainerCollection.Name)]
public abstract class ContainerTest(GominiFixture fixture) : IDisposable
{
    protected GominiFixture Fixture { get; } = fixture;
    private readonly List<Bundle> bundles = [];

    protected Bundle NewBundle()
    {
        var bundle = Fixture.NewBundle();
        bundles.Add(bundle);
        return bundle;
    }

    /// <summary>What a test class must end before the leak check looks (its detached containers).</summary>
    protected virtual void CleanUp() { }

    public void Dispose()
    {
        CleanUp();
        foreach (var bundle in bundles)
            LeakCheck.AssertNothingLeft(bundle);
        GC.SuppressFinalize(this);
    }
}
