using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>runc's lifecycle against the real binary: create, start, state, kill, delete, pause, resume, under a private --root.</summary>
public sealed class LifecycleTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    [Fact]
    public void A_container_goes_through_created_running_paused_stopped_and_is_deleted()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        var pidFile = Path.Combine(bundle.Path, "pid");
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, "--pid-file", pidFile, bundle.Id).ExitCode);
        var state = JsonNode.Parse(gomini.Run("state", bundle.Id).Stdout)!;
        Assert.Equal("created", state["status"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(pidFile), state["pid"]!.GetValue<int>().ToString());
        Assert.Equal(bundle.Path, state["bundle"]!.GetValue<string>());

        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        Assert.Equal("running", gomini.Status(bundle.Id));
        Assert.NotEqual(0, gomini.Run("start", bundle.Id).ExitCode);
        Assert.NotEqual(0, gomini.Run("delete", bundle.Id).ExitCode);

        if (gomini.Run("pause", bundle.Id).ExitCode == 0)
        {
            Assert.Equal("paused", gomini.Status(bundle.Id));
            Assert.Equal(0, gomini.Run("resume", bundle.Id).ExitCode);
            Assert.Equal("running", gomini.Status(bundle.Id));
        }

        Assert.Equal(0, gomini.Run("kill", bundle.Id, "SIGKILL").ExitCode);
        for (var i = 0; i < 200 && gomini.Status(bundle.Id) != "stopped"; i++) Thread.Sleep(10);
        Assert.Equal("stopped", gomini.Status(bundle.Id));
        Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
        Assert.NotEqual(0, gomini.Run("state", bundle.Id).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(gomini.Root, bundle.Id)));
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
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        var file = Path.Combine(gomini.Root, bundle.Id, "state.json");
        var old = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.True(old.Remove("cgroupParents"), "the state has cgroupParents to remove");
        File.WriteAllText(file, old.ToJsonString());

        Assert.Equal("created", gomini.Status(bundle.Id));
        var deleted = gomini.Run("delete", "--force", bundle.Id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.False(Directory.Exists(Path.Combine(gomini.Root, bundle.Id)));
    }

    [Fact]
    public void Force_delete_kills_a_running_container_and_succeeds_for_one_that_is_gone()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode);
        Assert.NotEqual(0, gomini.Run("delete", bundle.Id).ExitCode);
    }

    [Fact]
    public void A_failed_create_leaves_nothing_and_logs_one_json_object_per_line()
    {
        var bundle = NewBundle().Args("/no/such/program").Edit(c => c["hostname"] = new string('h', 100));
        bundle.Save();
        var log = Path.Combine(bundle.Path, "log.json");
        var result = gomini.Run("--log", log, "--log-format", "json", "create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(gomini.Root, bundle.Id)));
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
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("kill", bundle.Id, "CONT").ExitCode);
        Assert.Equal(0, gomini.Run("kill", bundle.Id, "18").ExitCode);
        Assert.NotEqual(0, gomini.Run("kill", bundle.Id, "NOSUCH").ExitCode);
        Assert.Equal(0, gomini.Run("kill", "--all", bundle.Id, "KILL").ExitCode);
        Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode);
    }
}
