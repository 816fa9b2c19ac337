using GoMini.Integration.Support;

namespace GoMini.Integration.Podman;

/// <summary>
/// podman with gomini as its runtime, in a private world: storage (vfs), run root, tmp dir (exit
/// files, events, the "alive" marker, which `system reset` deletes) and file locks in a temp dir (the
/// default shared-memory locks are shared by every podman on the machine and reset by any refresh),
/// a containers.conf with cgroupfs, the file events logger and ulimits at the host's hard limits
/// (root here lacks CAP_SYS_RESOURCE), and busybox imported from the fixture's rootfs as a tarball.
/// </summary>
public sealed class PodmanFixture : IDisposable
{
    public string Dir { get; }
    public string Runtime { get; }
    public bool Available { get; }
    private readonly GominiFixture gomini;

    public PodmanFixture()
    {
        Dir = Directory.CreateTempSubdirectory("gomini-podman-").FullName;
        gomini = new GominiFixture();
        Runtime = gomini.Binary;
        Available = File.Exists("/usr/bin/podman") && File.Exists("/usr/bin/conmon");
        File.WriteAllText(Path.Combine(Dir, "containers.conf"), $"""
            [containers]
            default_ulimits = ["nofile={HardLimit("Max open files")}:{HardLimit("Max open files")}", "nproc=4096:4096"]
            [engine]
            cgroup_manager = "cgroupfs"
            events_logger = "file"
            tmp_dir = "{Path.Combine(Dir, "tmp")}"
            lock_type = "file"
            """);
        if (!Available) return;
        // With the containers.conf too: the first podman command stores tmp_dir in the new database, and a
        // default one (/run/libpod) would then be shared with every other podman on the machine.
        var imported = Shell.Run("/bin/sh", ["-c", $"tar -C {gomini.Rootfs} -c . | env CONTAINERS_CONF={Path.Combine(Dir, "containers.conf")} podman {string.Join(' ', Globals())} import - localhost/busybox"],
            TimeSpan.FromMinutes(2));
        if (imported.ExitCode != 0) throw new InvalidOperationException($"podman import failed: {imported}");
    }

    public string[] Globals() =>
        ["--root", Path.Combine(Dir, "graph"), "--runroot", Path.Combine(Dir, "run"), "--storage-driver", "vfs", "--runtime", Runtime];

    public ProcessResult Podman(string[] args, string? stdin = null, int seconds = 60)
    {
        var env = $"CONTAINERS_CONF={Path.Combine(Dir, "containers.conf")}";
        // In the fixture's directory: conmon writes an `oom` file into its working directory when the
        // container meets its memory limit, which left one in the repository after the OOM test.
        return Shell.Run("/usr/bin/env", ["-C", Dir, env, "podman", .. Globals(), .. args], TimeSpan.FromSeconds(seconds), stdin);
    }

    private static string HardLimit(string name)
    {
        var line = File.ReadAllLines("/proc/self/limits").First(l => l.StartsWith(name, StringComparison.Ordinal));
        return line[25..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    }

    public void Dispose()
    {
        if (Available)
        {
            Podman(["rm", "-af"]);
            Shell.Run("/usr/bin/env", [$"CONTAINERS_CONF={Path.Combine(Dir, "containers.conf")}", "podman", .. Globals(), "system", "reset", "-f"], TimeSpan.FromMinutes(1));
        }
        gomini.Dispose();
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
