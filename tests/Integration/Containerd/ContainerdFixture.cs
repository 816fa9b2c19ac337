using System.Diagnostics;
using System.Security.Cryptography;
using GoMini.Integration.Support;

namespace GoMini.Integration.Containerd;

/// <summary>
/// A private containerd (root, state, socket and config in a temp dir, CRI plugin off) with busybox
/// imported into namespace gomini-test as a docker-archive built here by hand from the fixture's rootfs
/// (no registry, no podman needed). The shim runs gomini with --root under the temp dir (ctr --runc-root).
/// Disposing stops containerd (SIGTERM, then wait) and removes the temp dir.
/// </summary>
public sealed class ContainerdFixture : IDisposable
{
    public const string Namespace = "gomini-test";
    public const string Image = "localhost/busybox:latest";

    public string Dir { get; }
    public string Socket => Path.Combine(Dir, "containerd.sock");
    /// <summary>What ctr passes on as --runc-root; the shim adds the namespace.</summary>
    public string RuntimeRoot => Path.Combine(Dir, "runc");
    /// <summary>gomini's state directory: what the shim passes to gomini as --root.</summary>
    public string GominiRoot => Path.Combine(RuntimeRoot, Namespace);
    public string Runtime { get; }
    public bool Available { get; }
    private readonly GominiFixture gomini;
    private readonly Process? daemon;
    /// <summary>containerd 1.6 always makes /run/containerd/{fifo,s}; removed at the end if it made them.</summary>
    private readonly bool runContainerdExisted = Directory.Exists("/run/containerd");

    public ContainerdFixture()
    {
        gomini = new GominiFixture();
        Runtime = gomini.Binary;
        Dir = Directory.CreateTempSubdirectory("gomini-containerd-").FullName;
        Available = File.Exists("/usr/bin/containerd") && File.Exists("/usr/bin/ctr") && File.Exists("/usr/bin/containerd-shim-runc-v2");
        if (!Available) return;
        File.WriteAllText(Path.Combine(Dir, "config.toml"), """
            version = 2
            disabled_plugins = ["io.containerd.grpc.v1.cri"]
            """);
        daemon = Shell.Start("/usr/bin/containerd", ["--root", Path.Combine(Dir, "root"), "--state", Path.Combine(Dir, "state"),
            "--address", Socket, "--config", Path.Combine(Dir, "config.toml")]);
        daemon.StandardInput.Close();
        // Drain its log, or containerd blocks once the pipe is full.
        daemon.OutputDataReceived += (_, _) => { };
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        for (var i = 0; i < 100 && Ctr(["version"], seconds: 5).ExitCode != 0; i++)
        {
            if (daemon.HasExited) throw new InvalidOperationException($"containerd exited with {daemon.ExitCode}");
            Thread.Sleep(100);
        }
        var archive = BuildDockerArchive();
        var imported = Ctr(["images", "import", archive], seconds: 120);
        if (imported.ExitCode != 0) throw new InvalidOperationException($"ctr images import failed: {imported}");
    }

    public ProcessResult Ctr(string[] args, int seconds = 60) =>
        Shell.Run("/usr/bin/ctr", ["-a", Socket, "-n", Namespace, .. args], TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// `ctr run --rm` with gomini as the shim's runc. No --cgroup: ctr passes its default, the absolute
    /// /gomini-test/ID, which gomini creates below its own cgroup, the parent only if missing.
    /// </summary>
    public ProcessResult Run(string id, params string[] command) =>
        Ctr(["run", "--rm", "--runc-binary", Runtime, "--runc-root", RuntimeRoot,
            "--env", $"GOMINI_TEST_ID={id}", Image, id, .. command]);

    /// <summary>A docker-archive (manifest.json, config, one layer) of the busybox rootfs, as `docker save` writes it.</summary>
    private string BuildDockerArchive()
    {
        var image = Directory.CreateDirectory(Path.Combine(Dir, "image")).FullName;
        var layer = Path.Combine(image, "layer.tar");
        var tarred = Shell.Run("tar", ["-C", gomini.Rootfs, "-cf", layer, "."], TimeSpan.FromMinutes(1));
        if (tarred.ExitCode != 0) throw new InvalidOperationException($"tar failed: {tarred}");
        var config = """{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"],"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["sha256:"""
                     + Sha256(File.ReadAllBytes(layer)) + "\"]}}";
        var configName = Sha256(System.Text.Encoding.UTF8.GetBytes(config)) + ".json";
        File.WriteAllText(Path.Combine(image, configName), config);
        File.WriteAllText(Path.Combine(image, "manifest.json"),
            $$"""[{"Config":"{{configName}}","RepoTags":["{{Image}}"],"Layers":["layer.tar"]}]""");
        var archive = Path.Combine(Dir, "busybox.tar");
        var packed = Shell.Run("tar", ["-C", image, "-cf", archive, "."], TimeSpan.FromMinutes(1));
        if (packed.ExitCode != 0) throw new InvalidOperationException($"tar failed: {packed}");
        return archive;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose()
    {
        if (daemon != null)
        {
            if (!daemon.HasExited)
            {
                Ctr(["images", "rm", Image]);
                Shell.Run("kill", ["-TERM", daemon.Id.ToString()], TimeSpan.FromSeconds(5));
                if (!daemon.WaitForExit(TimeSpan.FromSeconds(20))) daemon.Kill(entireProcessTree: true);
            }
            daemon.WaitForExit();
            daemon.Dispose();
        }
        if (!runContainerdExisted)
            foreach (var dir in new[] { "/run/containerd/fifo", "/run/containerd/s", "/run/containerd" })
                try { Directory.Delete(dir); }
                catch (IOException) { /* not empty: something else uses it */ }
        gomini.Dispose();
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
