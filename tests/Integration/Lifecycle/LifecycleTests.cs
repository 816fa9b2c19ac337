using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>runc's lifecycle against the real binary: create, start, state, kill, delete, pause, resume, under a private --root.</summary>
public sealed class LifecycleTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly string root = Directory.CreateDirectory(Path.Combine(fixture.WorkDir, "root-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>
    /// gomini with its output in files: a created container inherits create's stdio (as with runc),
    /// so a pipe would stay open until the container ends and a reader would wait for it.
    /// </summary>
    private ProcessResult Gomini(params string[] args)
    {
        var output = Path.Combine(root, ".out");
        var errors = Path.Combine(root, ".err");
        var result = Shell.Run("/bin/sh", ["-c", $"exec \"$0\" \"$@\" </dev/null >{output} 2>{errors}", Fixture.Binary, "--root", root, .. args],
            TimeSpan.FromSeconds(30));
        return new ProcessResult(result.ExitCode, File.ReadAllText(output), File.ReadAllText(errors));
    }

    private string Status(string id) => JsonNode.Parse(Gomini("state", id).Stdout)!["status"]!.GetValue<string>();

    [Fact]
    public void A_container_goes_through_created_running_paused_stopped_and_is_deleted()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        var pidFile = Path.Combine(bundle.Path, "pid");
        Assert.Equal(0, Gomini("create", "--bundle", bundle.Path, "--pid-file", pidFile, bundle.Id).ExitCode);
        var state = JsonNode.Parse(Gomini("state", bundle.Id).Stdout)!;
        Assert.Equal("created", state["status"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(pidFile), state["pid"]!.GetValue<int>().ToString());
        Assert.Equal(bundle.Path, state["bundle"]!.GetValue<string>());

        Assert.Equal(0, Gomini("start", bundle.Id).ExitCode);
        Assert.Equal("running", Status(bundle.Id));
        Assert.NotEqual(0, Gomini("start", bundle.Id).ExitCode);
        Assert.NotEqual(0, Gomini("delete", bundle.Id).ExitCode);

        if (Gomini("pause", bundle.Id).ExitCode == 0)
        {
            Assert.Equal("paused", Status(bundle.Id));
            Assert.Equal(0, Gomini("resume", bundle.Id).ExitCode);
            Assert.Equal("running", Status(bundle.Id));
        }

        Assert.Equal(0, Gomini("kill", bundle.Id, "SIGKILL").ExitCode);
        for (var i = 0; i < 200 && Status(bundle.Id) != "stopped"; i++) Thread.Sleep(10);
        Assert.Equal("stopped", Status(bundle.Id));
        Assert.Equal(0, Gomini("delete", bundle.Id).ExitCode);
        Assert.NotEqual(0, Gomini("state", bundle.Id).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(root, bundle.Id)));
    }

    /// <summary>
    /// Regression: the state of a container created by the previous gomini had no "cgroupParents"; the
    /// source-generated reader left it null and `delete` died with an ArgumentNullException, so the
    /// container could never be removed.
    /// </summary>
    [Fact]
    public void A_state_written_before_a_field_existed_still_loads_and_deletes()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, Gomini("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        var file = Path.Combine(root, bundle.Id, "state.json");
        var old = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.True(old.Remove("cgroupParents"), "the state has cgroupParents to remove");
        File.WriteAllText(file, old.ToJsonString());

        Assert.Equal("created", Status(bundle.Id));
        var deleted = Gomini("delete", "--force", bundle.Id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.False(Directory.Exists(Path.Combine(root, bundle.Id)));
    }

    [Fact]
    public void Force_delete_kills_a_running_container_and_succeeds_for_one_that_is_gone()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, Gomini("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, Gomini("start", bundle.Id).ExitCode);
        Assert.Equal(0, Gomini("delete", "--force", bundle.Id).ExitCode);
        Assert.Equal(0, Gomini("delete", "--force", bundle.Id).ExitCode);
        Assert.NotEqual(0, Gomini("delete", bundle.Id).ExitCode);
    }

    [Fact]
    public void A_failed_create_leaves_nothing_and_logs_one_json_object_per_line()
    {
        var bundle = NewBundle().Args("/no/such/program").Edit(c => c["hostname"] = new string('h', 100));
        bundle.Save();
        var log = Path.Combine(bundle.Path, "log.json");
        var result = Gomini("--log", log, "--log-format", "json", "create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(root, bundle.Id)));
        var lines = File.ReadAllLines(log);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var entry = JsonNode.Parse(line)!;
            Assert.Equal("error", entry["level"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(entry["msg"]!.GetValue<string>()));
            Assert.True(DateTime.TryParse(entry["time"]!.GetValue<string>(), out _));
        }
    }

    [Fact]
    public void Kill_takes_signal_names_with_and_without_SIG_and_numbers()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, Gomini("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, Gomini("start", bundle.Id).ExitCode);
        Assert.Equal(0, Gomini("kill", bundle.Id, "CONT").ExitCode);
        Assert.Equal(0, Gomini("kill", bundle.Id, "18").ExitCode);
        Assert.NotEqual(0, Gomini("kill", bundle.Id, "NOSUCH").ExitCode);
        Assert.Equal(0, Gomini("kill", "--all", bundle.Id, "KILL").ExitCode);
        Assert.Equal(0, Gomini("delete", "--force", bundle.Id).ExitCode);
    }
}
