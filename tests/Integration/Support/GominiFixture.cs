using Xunit;

namespace GoMini.Integration.Support;

/// <summary>
/// Shared by every container test: the NativeAOT gomini binary (published once when missing or
/// older than the sources) and a busybox rootfs built once per test run by examples/make-rootfs.sh.
/// </summary>
public sealed class GominiFixture : IDisposable
{
    public string Binary { get; }
    public string WorkDir { get; }
    /// <summary>The template rootfs; every <see cref="Bundle"/> gets its own copy.</summary>
    public string Rootfs { get; }

    public GominiFixture()
    {
        if (Environment.UserName != "root")
            throw new InvalidOperationException("the integration tests start real containers: run them as root");
        Binary = Environment.GetEnvironmentVariable("GOMINI_BINARY") ?? Path.Combine(Repo.Root, "bin", "gomini");
        if (Environment.GetEnvironmentVariable("GOMINI_BINARY") == null && IsStale(Binary))
            Publish();
        WorkDir = Directory.CreateTempSubdirectory("gomini-it-").FullName;
        Rootfs = Path.Combine(WorkDir, "rootfs");
        var made = Shell.Run("/bin/sh", [Repo.MakeRootfsScript, Rootfs], TimeSpan.FromMinutes(3));
        if (made.ExitCode != 0)
            throw new InvalidOperationException($"make-rootfs.sh failed: {made}");
    }

    /// <summary>A new bundle with a runc-spec-like default config, named after a fresh container id.</summary>
    public Bundle NewBundle() => new(this, "gm-it-" + Guid.NewGuid().ToString("N")[..12]);

    private static bool IsStale(string binary)
    {
        if (!File.Exists(binary))
            return true;
        var built = File.GetLastWriteTimeUtc(binary);
        return Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static void Publish()
    {
        var published = Shell.Run("dotnet",
            ["publish", "src/GoMini.App", "-c", "Release", "-r", "linux-x64", "-o", "bin", "--nologo", "-v", "q"],
            TimeSpan.FromMinutes(10));
        if (published.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed: {published}");
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); }
        catch (IOException) { /* a leak check has already failed the test that left something here */ }
        catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ContainerCollection : ICollectionFixture<GominiFixture>
{
    public const string Name = "containers";
}
