namespace GoMini.Integration.Support;

/// <summary>
/// Base of tests that work on a container left running by `run -d` (exec, terminals, the exec-init's
/// binary): gomini under a private --root, and each started container deleted with --force before the
/// leak check.
/// </summary>
public abstract class RunningContainerTest(GominiFixture fixture, TimeSpan? timeout = null) : ContainerTest(fixture)
{
    protected GominiCli Gomini { get; } = new(fixture) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    private readonly List<string> started = [];

    /// <summary>A new bundle running <paramref name="args"/> (default `sleep 1000`), changed by <paramref name="change"/>, started with `run -d`.</summary>
    protected Bundle Running(Action<Bundle>? change = null, params string[] args)
    {
        var bundle = NewBundle().Args(args.Length > 0 ? args : ["sleep", "1000"]);
        change?.Invoke(bundle);
        bundle.Save();
        var run = Gomini.Run("run", "-d", "--bundle", bundle.Path, bundle.Id);
        Xunit.Assert.True(run.ExitCode == 0, run.ToString());
        DeleteAfterwards(bundle.Id);
        return bundle;
    }

    /// <summary>A container the test made itself (e.g. with `create`), deleted with the others.</summary>
    protected void DeleteAfterwards(string id) => started.Add(id);

    protected override void CleanUp()
    {
        foreach (var id in started)
            Gomini.Run("delete", "--force", id);
    }
}
