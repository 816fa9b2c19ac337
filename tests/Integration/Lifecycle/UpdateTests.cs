using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>`gomini update` changes the limits of a running container in its own cgroups.</summary>
public sealed class UpdateTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    private string StartSleeper()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        return bundle.Id;
    }

    [Fact]
    public void A_pids_and_a_memory_limit_are_written_into_the_running_containers_cgroups()
    {
        var id = StartSleeper();
        try
        {
            var pid = gomini.Pid(id);
            var updated = gomini.Run("update", "--pids-limit", "7", id);
            Assert.True(updated.ExitCode == 0, updated.ToString());
            Assert.Equal("7", File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "pids"), "pids.max")).Trim());

            updated = gomini.Run("update", "--memory", "64m", id);
            Assert.True(updated.ExitCode == 0, updated.ToString());
            Assert.Equal("67108864", File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "memory"), "memory.limit_in_bytes")).Trim());
        }
        finally { Assert.Equal(0, gomini.Run("delete", "--force", id).ExitCode); }
    }

    [Fact]
    public void Resources_from_a_file_are_written_and_flags_override_them()
    {
        var id = StartSleeper();
        try
        {
            var pid = gomini.Pid(id);
            var file = Path.Combine(gomini.Root, "resources.json");
            File.WriteAllText(file, """{"pids":{"limit":9},"cpu":{"shares":512}}""");
            var updated = gomini.Run("update", "-r", file, "--cpu-shares", "256", id);
            Assert.True(updated.ExitCode == 0, updated.ToString());
            Assert.Equal("9", File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "pids"), "pids.max")).Trim());
            Assert.Equal("256", File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "cpu"), "cpu.shares")).Trim());
        }
        finally { Assert.Equal(0, gomini.Run("delete", "--force", id).ExitCode); }
    }

    [Fact]
    public void A_bad_value_fails_with_exit_1_and_an_error_naming_the_flag()
    {
        var id = StartSleeper();
        try
        {
            var pid = gomini.Pid(id);
            var before = File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "pids"), "pids.max"));
            var bad = gomini.Run("update", "--pids-limit", "lots", id);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("--pids-limit", bad.Stderr);
            Assert.Contains("lots", bad.Stderr);
            bad = gomini.Run("update", "--memory", "12q", id);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("--memory", bad.Stderr);
            bad = gomini.Run("update", "--cpu-quota", "10", id);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("--cpu-quota", bad.Stderr);
            Assert.Equal(before, File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "pids"), "pids.max")));
        }
        finally { Assert.Equal(0, gomini.Run("delete", "--force", id).ExitCode); }
    }

    [Fact]
    public void A_stopped_container_cannot_be_updated()
    {
        var bundle = NewBundle().Args("true");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        for (var i = 0; i < 200 && gomini.Status(bundle.Id) != "stopped"; i++) Thread.Sleep(10);
        var result = gomini.Run("update", "--pids-limit", "7", bundle.Id);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not running", result.Stderr);
        Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
    }
}
