using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GoMini.Integration.Support;

/// <summary>
/// An OCI bundle for one test: its own copy of the busybox rootfs and a config.json like `runc spec`
/// writes (pid, ipc, uts, mount, network namespaces; proc, /dev, devpts, shm, mqueue, sysfs ro),
/// with mutations that read like the test. <see cref="Save"/> happens on every run.
/// </summary>
public sealed class Bundle
{
    private readonly GominiFixture fixture;

    public string Id { get; }
    public string Path { get; }
    public string Rootfs => System.IO.Path.Combine(Path, "rootfs");
    public JsonObject Config { get; }

    public Bundle(GominiFixture fixture, string id)
    {
        this.fixture = fixture;
        Id = id;
        Path = System.IO.Path.Combine(fixture.WorkDir, id);
        Directory.CreateDirectory(Path);
        var copied = Shell.Run("cp", ["-a", fixture.Rootfs, Rootfs], TimeSpan.FromSeconds(30));
        if (copied.ExitCode != 0)
            throw new InvalidOperationException($"copying the rootfs failed: {copied}");
        Config = DefaultConfig();
        Env(Marker);
    }

    /// <summary>
    /// In gomini's environment (so in its init child's) and in the container's: how the leak check
    /// tells this test's processes from those of anything else running on the machine.
    /// </summary>
    public string Marker => $"GOMINI_TEST_ID={Id}";

    private IReadOnlyDictionary<string, string> MarkedEnvironment => new Dictionary<string, string> { ["GOMINI_TEST_ID"] = Id };

    public Bundle Args(params string[] args) => Edit(c => c["process"]!["args"] = Array(args));
    public Bundle Env(params string[] env) => Edit(c =>
    {
        var list = c["process"]!["env"]!.AsArray();
        foreach (var e in env) list.Add((JsonNode?)JsonValue.Create(e));
    });
    public Bundle Cwd(string cwd) => Edit(c => c["process"]!["cwd"] = cwd);
    public Bundle User(uint uid, uint gid, params uint[] additionalGids) => Edit(c =>
    {
        var user = new JsonObject { ["uid"] = uid, ["gid"] = gid };
        if (additionalGids.Length > 0)
            user["additionalGids"] = new JsonArray(additionalGids.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());
        c["process"]!["user"] = user;
    });
    public Bundle Hostname(string name) => Edit(c => c["hostname"] = name);
    public Bundle ReadonlyRoot() => Edit(c => c["root"]!["readonly"] = true);
    public Bundle Mount(string destination, string type, string source, params string[] options) => Edit(c =>
        c["mounts"]!.AsArray().Add((JsonNode)new JsonObject
        {
            ["destination"] = destination, ["type"] = type, ["source"] = source, ["options"] = Array(options),
        }));
    public Bundle Edit(Action<JsonObject> change)
    {
        change(Config);
        return this;
    }

    public void Save() => File.WriteAllText(System.IO.Path.Combine(Path, "config.json"), Config.ToJsonString());

    /// <summary>The arguments of `gomini run` for this bundle; <paramref name="extra"/> go last (e.g. `--`, a command).</summary>
    public string[] RunArgs(params string[] extra) => ["run", "--bundle", Path, Id, .. extra];

    /// <summary>`gomini run` of this bundle to completion (killed and failed after <paramref name="timeout"/>).</summary>
    public ProcessResult Run(string[]? extra = null, string? stdin = null, TimeSpan? timeout = null)
    {
        Save();
        return Shell.Run(fixture.Binary, RunArgs(extra ?? []), timeout ?? TimeSpan.FromSeconds(30), stdin, MarkedEnvironment);
    }

    /// <summary>Starts `gomini run` and returns at once, for tests that signal or feed it.</summary>
    public Process Start(params string[] extra)
    {
        Save();
        return Shell.Start(fixture.Binary, RunArgs(extra), environment: MarkedEnvironment);
    }

    private static JsonArray Array(IEnumerable<string> items) =>
        new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static JsonObject DefaultConfig() => JsonNode.Parse("""
    {
      "ociVersion": "1.0.2",
      "process": {
        "terminal": false,
        "user": { "uid": 0, "gid": 0 },
        "args": [ "/bin/true" ],
        "env": [ "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" ],
        "cwd": "/",
        "capabilities": {
          "bounding": [ "CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_DAC_OVERRIDE" ],
          "effective": [ "CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_DAC_OVERRIDE" ],
          "permitted": [ "CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_DAC_OVERRIDE" ]
        },
        "rlimits": [ { "type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024 } ],
        "noNewPrivileges": true
      },
      "root": { "path": "rootfs", "readonly": false },
      "hostname": "gomini-test",
      "mounts": [
        { "destination": "/proc", "type": "proc", "source": "proc" },
        { "destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": [ "nosuid", "strictatime", "mode=755", "size=65536k" ] },
        { "destination": "/dev/pts", "type": "devpts", "source": "devpts", "options": [ "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620" ] },
        { "destination": "/dev/shm", "type": "tmpfs", "source": "shm", "options": [ "nosuid", "noexec", "nodev", "mode=1777", "size=65536k" ] },
        { "destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": [ "nosuid", "noexec", "nodev" ] },
        { "destination": "/sys", "type": "sysfs", "source": "sysfs", "options": [ "nosuid", "noexec", "nodev", "ro" ] }
      ],
      "linux": {
        "namespaces": [ { "type": "pid" }, { "type": "ipc" }, { "type": "uts" }, { "type": "mount" }, { "type": "network" } ],
        "maskedPaths": [ "/proc/kcore", "/proc/keys", "/proc/timer_list", "/sys/firmware" ],
        "readonlyPaths": [ "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger" ]
      }
    }
    """)!.AsObject();
}
