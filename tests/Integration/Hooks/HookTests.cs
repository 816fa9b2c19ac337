using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Hooks;

/// <summary>The config's hooks run at their points, in the spec's order, each seeing the state JSON on stdin.</summary>
public sealed class HookTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static readonly string[] Points = ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"];
    private readonly GominiCli gomini = new(fixture);

    /// <summary>
    /// A hook script that appends its name and the state's status to $LOG; <paramref name="failing"/> exits 1.
    /// startContainer's path is resolved in the container, so it runs the rootfs' copy and logs to the
    /// rootfs' /hooks.log; the others run the bundle's copy and log to the same file from the host's side.
    /// </summary>
    private static Bundle WithHooks(Bundle bundle, string log, string? failing = null, string? script = null)
    {
        var text = script ?? $"#!/bin/sh\nstatus=$(sed -n 's/.*\"status\":\"\\([a-z]*\\)\".*/\\1/p')\necho \"$1 $status\" >> \"$LOG\"\n[ \"$1\" != \"{failing}\" ]\n";
        var hook = Executable(Path.Combine(bundle.Path, "hook.sh"), text);
        Executable(Path.Combine(bundle.Rootfs, "hook.sh"), text);
        return bundle.Edit(c =>
        {
            var hooks = new JsonObject();
            foreach (var point in Points)
            {
                var inContainer = point == "startContainer";
                hooks[point] = new JsonArray(new JsonObject
                {
                    ["path"] = inContainer ? "/hook.sh" : hook,
                    ["args"] = new JsonArray("hook.sh", point),
                    ["env"] = new JsonArray("PATH=/usr/bin:/bin", "LOG=" + (inContainer ? "/hooks.log" : log)),
                    ["timeout"] = 10,
                });
            }
            c["hooks"] = hooks;
        });
    }

    private static string Executable(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Shell.Run("chmod", ["755", path], TimeSpan.FromSeconds(10));
        return path;
    }

    /// <summary>One hook at <paramref name="point"/> (replacing any others): <paramref name="path"/> with <paramref name="env"/>.</summary>
    private static Bundle WithHook(Bundle bundle, string point, string path, params string[] env) => bundle.Edit(c =>
        c["hooks"] = new JsonObject
        {
            [point] = new JsonArray(new JsonObject
            {
                ["path"] = path, ["env"] = new JsonArray(["PATH=/usr/bin:/bin", .. env.Select(e => (JsonNode?)JsonValue.Create(e))]),
                ["timeout"] = 10,
            }),
        });

    /// <summary>
    /// `create` of a container whose hook at <paramref name="failing"/> fails: create must fail and leave
    /// no state behind. Returns create's stderr and the hooks' log.
    /// </summary>
    private (string Stderr, string[] Log) CreateWithFailingHook(string failing)
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log, failing).Save();
        var created = gomini.Run("create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, created.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(gomini.Root, bundle.Id)));
        return (created.Stderr, File.ReadAllLines(log));
    }

    private static string Ns(string kind) => new FileInfo($"/proc/self/ns/{kind}").LinkTarget!;

    private static readonly string[] Expected =
        ["prestart creating", "createRuntime creating", "createContainer creating", "startContainer created", "poststart running", "poststop stopped"];

    [Fact]
    public void Run_runs_every_hook_in_the_specs_order_with_the_state_on_stdin()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log);
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Expected, File.ReadAllLines(log));
    }

    /// <summary>The state JSON each hook reads carries the config's annotations, as runc's does (it had none).</summary>
    [Fact]
    public void Every_hook_reads_the_configs_annotations_in_its_state()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log, script: "#!/bin/sh\n{ cat; echo; } >> \"$LOG\"\n");
        bundle.Edit(c => c["annotations"] = new JsonObject { ["org.example.team"] = "a=b c", ["io.gomini.test"] = "1" });
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        var states = File.ReadAllLines(log).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(Points.Length, states.Count);
        Assert.All(states, s =>
        {
            Assert.Equal("a=b c", s["annotations"]?["org.example.team"]?.GetValue<string>());
            Assert.Equal("1", s["annotations"]?["io.gomini.test"]?.GetValue<string>());
        });
    }

    [Fact]
    public void Create_start_and_delete_run_the_hooks_of_their_points()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log).Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(Expected[..3], File.ReadAllLines(log));
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        for (var i = 0; i < 200 && !gomini.Run("state", bundle.Id).Stdout.Contains("stopped"); i++) Thread.Sleep(10);
        Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
        Assert.Equal(Expected, File.ReadAllLines(log));
    }

    [Fact]
    public void A_failing_createRuntime_hook_fails_create_and_leaves_nothing()
    {
        var (stderr, log) = CreateWithFailingHook("createRuntime");
        Assert.Contains("createruntime", stderr.ToLowerInvariant());
        Assert.Equal(Expected[..2], log);
    }

    [Fact]
    public void A_failing_poststart_hook_only_warns()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log, failing: "poststart");
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning", result.Stderr);
        Assert.Equal(Expected, File.ReadAllLines(log));
    }

    [Fact]
    public void A_createContainer_hook_runs_in_the_containers_namespaces_and_cgroups_after_its_mounts()
    {
        var bundle = NewBundle().Args("true");
        var script = Executable(Path.Combine(bundle.Path, "cc.sh"), """
            #!/bin/sh
            cat > "$OUT/state.json"
            for ns in mnt uts net ipc; do readlink /proc/self/ns/$ns > "$OUT/$ns"; done
            cat /proc/self/cgroup > "$OUT/cgroup"
            pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$OUT/state.json")
            readlink /proc/$pid/ns/mnt > "$OUT/init-mnt"
            # the container's /proc is mounted in the rootfs already (the root is not switched yet): pid 1 is the init
            [ -d "$ROOTFS/proc/1" ] && echo mounted > "$OUT/proc"
            """);
        WithHook(bundle, "createContainer", script, "OUT=" + bundle.Path, "ROOTFS=" + bundle.Rootfs);
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        string Read(string name) => File.ReadAllText(Path.Combine(bundle.Path, name)).Trim();
        foreach (var ns in new[] { "mnt", "uts", "net", "ipc" })
            Assert.NotEqual(Ns(ns), Read(ns));
        Assert.Equal(Read("mnt"), Read("init-mnt")); // the state's pid is the init's, as the host sees it
        Assert.Contains(bundle.Id, Read("cgroup"));
        Assert.Equal("mounted", Read("proc"));
        var state = JsonNode.Parse(Read("state.json"))!;
        Assert.Equal(bundle.Id, (string?)state["id"]);
        Assert.Equal("creating", (string?)state["status"]);
        Assert.Equal(bundle.Path, (string?)state["bundle"]);
    }

    [Fact]
    public void A_startContainer_hook_runs_a_program_of_the_container_inside_its_root_before_the_process()
    {
        var bundle = NewBundle().Args("/bin/sh", "-c", "cat /start-hostname > /process-saw");
        Assert.False(File.Exists("/only-in-container/hook.sh"));
        Executable(Path.Combine(bundle.Rootfs, "only-in-container", "hook.sh"), """
            #!/bin/sh
            cat > /start-state.json
            hostname > /start-hostname
            ls / > /start-root
            readlink /proc/self/ns/mnt > /start-mnt
            """);
        WithHook(bundle, "startContainer", "/only-in-container/hook.sh").Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        string InRootfs(string name) => File.ReadAllText(Path.Combine(bundle.Rootfs, name)).Trim();
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "start-hostname")), "startContainer ran before start");
        var pid = gomini.Pid(bundle.Id);

        var started = gomini.Run("start", bundle.Id);
        Assert.True(started.ExitCode == 0, started.ToString());
        for (var i = 0; i < 200 && !gomini.Run("state", bundle.Id).Stdout.Contains("stopped"); i++) Thread.Sleep(10);
        Assert.Equal("gomini-test", InRootfs("start-hostname"));
        Assert.Equal("gomini-test", InRootfs("process-saw")); // the hook ran before the process
        Assert.Contains("only-in-container", InRootfs("start-root").Split('\n'));
        Assert.NotEqual(Ns("mnt"), InRootfs("start-mnt"));
        var state = JsonNode.Parse(InRootfs("start-state.json"))!;
        Assert.Equal("created", (string?)state["status"]);
        Assert.Equal(bundle.Id, (string?)state["id"]);
        Assert.Equal(pid, (int)state["pid"]!);
        Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
    }

    [Fact]
    public void A_failing_createContainer_hook_fails_create_and_leaves_nothing()
    {
        var (stderr, log) = CreateWithFailingHook("createContainer");
        Assert.Contains("createContainer hook", stderr);
        Assert.Equal(Expected[..3], log);
    }

    [Fact]
    public void A_failing_startContainer_hook_fails_start_and_the_process_never_runs()
    {
        var bundle = NewBundle().Args("/bin/touch", "/process-ran");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log, failing: "startContainer").Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        var started = gomini.Run("start", bundle.Id);
        Assert.Equal(1, started.ExitCode);
        Assert.Contains("startContainer hook /hook.sh failed with exit status 1", started.Stderr);
        for (var i = 0; i < 200 && !gomini.Run("state", bundle.Id).Stdout.Contains("stopped"); i++) Thread.Sleep(10);
        Assert.Contains("\"stopped\"", gomini.Run("state", bundle.Id).Stdout);
        Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "process-ran")));
        Assert.Equal(Expected[..4], File.ReadAllLines(log).Take(4));
        Assert.DoesNotContain("poststart running", File.ReadAllLines(log));
    }

    [Fact]
    public void A_failing_startContainer_hook_fails_run_and_the_process_never_runs()
    {
        var bundle = NewBundle().Args("/bin/touch", "/process-ran");
        var log = Path.Combine(bundle.Rootfs, "hooks.log");
        WithHooks(bundle, log, failing: "startContainer");
        var result = bundle.Run();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("startContainer hook /hook.sh failed", result.Stderr);
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "process-ran")));
        Assert.Equal(Expected[..4], File.ReadAllLines(log));
    }

    [Fact]
    public void A_createContainer_hook_past_its_timeout_is_killed_and_fails_create_leaving_nothing()
    {
        var bundle = NewBundle().Args("true");
        bundle.Edit(c => c["hooks"] = new JsonObject
        {
            ["createContainer"] = new JsonArray(new JsonObject { ["path"] = "/bin/sleep", ["args"] = new JsonArray("sleep", "20"), ["timeout"] = 1 }),
        }).Save();
        var started = DateTime.UtcNow;
        var created = gomini.Run("create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, created.ExitCode);
        Assert.Contains("createContainer hook /bin/sleep did not finish within 1 s", created.Stderr);
        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 0.9, 10);
        Assert.False(Directory.Exists(Path.Combine(gomini.Root, bundle.Id)));
    }
}
