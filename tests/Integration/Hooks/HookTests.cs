using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Hooks;

/// <summary>The config's hooks run at their points, in the spec's order, each seeing the state JSON on stdin.</summary>
public sealed class HookTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static readonly string[] Points = ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"];
    private readonly string root = Directory.CreateDirectory(Path.Combine(fixture.WorkDir, "root-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private ProcessResult Gomini(params string[] args)
    {
        var output = Path.Combine(root, ".out");
        var errors = Path.Combine(root, ".err");
        var result = Shell.Run("/bin/sh", ["-c", $"exec \"$0\" \"$@\" </dev/null >{output} 2>{errors}", Fixture.Binary, "--root", root, .. args],
            TimeSpan.FromSeconds(30));
        return new ProcessResult(result.ExitCode, File.ReadAllText(output), File.ReadAllText(errors));
    }

    /// <summary>A hook script that appends its name and the state's status to log; <paramref name="failing"/> exits 1.</summary>
    private static Bundle WithHooks(Bundle bundle, string log, string? failing = null)
    {
        var script = Path.Combine(bundle.Path, "hook.sh");
        File.WriteAllText(script, $"#!/bin/sh\nstatus=$(sed -n 's/.*\"status\":\"\\([a-z]*\\)\".*/\\1/p')\necho \"$1 $status\" >> {log}\n[ \"$1\" != \"{failing}\" ]\n");
        Shell.Run("chmod", ["755", script], TimeSpan.FromSeconds(10));
        return bundle.Edit(c =>
        {
            var hooks = new JsonObject();
            foreach (var point in Points)
                hooks[point] = new JsonArray(new JsonObject { ["path"] = script, ["args"] = new JsonArray("hook.sh", point), ["timeout"] = 10 });
            c["hooks"] = hooks;
        });
    }

    private static readonly string[] Expected =
        ["prestart creating", "createRuntime creating", "createContainer creating", "startContainer created", "poststart running", "poststop stopped"];

    [Fact]
    public void Run_runs_every_hook_in_the_specs_order_with_the_state_on_stdin()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Path, "hooks.log");
        WithHooks(bundle, log);
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Expected, File.ReadAllLines(log));
    }

    [Fact]
    public void Create_start_and_delete_run_the_hooks_of_their_points()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Path, "hooks.log");
        WithHooks(bundle, log).Save();
        Assert.Equal(0, Gomini("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(Expected[..3], File.ReadAllLines(log));
        Assert.Equal(0, Gomini("start", bundle.Id).ExitCode);
        for (var i = 0; i < 200 && !Gomini("state", bundle.Id).Stdout.Contains("stopped"); i++) Thread.Sleep(10);
        Assert.Equal(0, Gomini("delete", bundle.Id).ExitCode);
        Assert.Equal(Expected, File.ReadAllLines(log));
    }

    [Fact]
    public void A_failing_createRuntime_hook_fails_create_and_leaves_nothing()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Path, "hooks.log");
        WithHooks(bundle, log, failing: "createRuntime").Save();
        var created = Gomini("create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, created.ExitCode);
        Assert.Contains("createruntime", created.Stderr.ToLowerInvariant());
        Assert.False(Directory.Exists(Path.Combine(root, bundle.Id)));
        Assert.Equal(Expected[..2], File.ReadAllLines(log));
    }

    [Fact]
    public void A_failing_poststart_hook_only_warns()
    {
        var bundle = NewBundle().Args("true");
        var log = Path.Combine(bundle.Path, "hooks.log");
        WithHooks(bundle, log, failing: "poststart");
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning", result.Stderr);
        Assert.Equal(Expected, File.ReadAllLines(log));
    }
}
