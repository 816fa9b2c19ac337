using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Exec;

/// <summary>`gomini exec` into a running container, against the real binary under a private --root.</summary>
public sealed class ExecTests(GominiFixture fixture) : RunningContainerTest(fixture)
{

    [Fact]
    public void Exec_runs_in_the_containers_namespaces_and_sees_its_pid_1_and_root()
    {
        var bundle = Running(b => b.Hostname("exec-host"));
        File.WriteAllText(Path.Combine(bundle.Rootfs, "marker"), "inside");
        var result = Gomini.Run("exec", bundle.Id, "sh", "-c", "hostname; cat /proc/1/cmdline | tr '\\0' ' '; echo; cat /marker; echo; for n in pid net mnt; do readlink /proc/self/ns/$n; done");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Equal("exec-host", lines[0]);
        Assert.Equal("sleep 1000", lines[1].Trim());
        Assert.Equal("inside", lines[2]);
        var pid = Gomini.Pid(bundle.Id);
        foreach (var (ns, line) in new[] { ("pid", lines[3]), ("net", lines[4]), ("mnt", lines[5]) })
            Assert.Equal(new FileInfo($"/proc/{pid}/ns/{ns}").LinkTarget, line);
    }

    [Fact]
    public void Env_cwd_user_and_groups_flags_apply_over_the_config()
    {
        var bundle = Running(b => b.Env("FROM_CONFIG=1", "FOO=config"));
        var result = Gomini.Run("exec", "-e", "FOO=bar", "--cwd", "/tmp", "-u", "1000:1001", "-g", "2000", bundle.Id,
            "sh", "-c", "echo $FOO $FROM_CONFIG $(pwd) $(id -u) $(id -g) $(id -G)");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("bar 1 /tmp 1000 1001 1001 2000", result.Stdout.Trim());
    }

    [Fact]
    public void A_process_file_is_used_as_it_is()
    {
        var bundle = Running();
        var file = Path.Combine(bundle.Path, "process.json");
        File.WriteAllText(file, """{"args":["sh","-c","echo $A $(pwd) $(id -u)"],"env":["A=from-file","PATH=/bin"],"cwd":"/proc","user":{"uid":7,"gid":7}}""");
        var result = Gomini.Run("exec", "--process", file, bundle.Id);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from-file /proc 7", result.Stdout.Trim());
    }

    [Fact]
    public void The_exit_status_is_the_processes_and_a_signal_gives_128_plus_its_number()
    {
        var bundle = Running();
        Assert.Equal(7, Gomini.Run("exec", bundle.Id, "sh", "-c", "exit 7").ExitCode);
        Assert.Equal(137, Gomini.Run("exec", bundle.Id, "sh", "-c", "kill -9 $$").ExitCode);
        var missing = Gomini.Run("exec", bundle.Id, "/no/such/program");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/no/such/program", missing.Stderr);
    }

    [Fact]
    public void Detach_returns_at_once_and_writes_the_pid_file()
    {
        var bundle = Running();
        var pidFile = Path.Combine(bundle.Path, "exec.pid");
        var result = Gomini.Run("exec", "-d", "--pid-file", pidFile, bundle.Id, "sleep", "1000");
        Assert.True(result.ExitCode == 0, result.ToString());
        var pid = int.Parse(File.ReadAllText(pidFile));
        Assert.Contains("sleep", File.ReadAllText($"/proc/{pid}/cmdline"));
        Assert.Equal(new FileInfo($"/proc/{Gomini.Pid(bundle.Id)}/ns/pid").LinkTarget, new FileInfo($"/proc/{pid}/ns/pid").LinkTarget);
        // It belongs to the container: `ps` lists it and `delete --force` takes it with the rest.
        Assert.Contains(pid.ToString(), Gomini.Run("ps", "--format", "json", bundle.Id).Stdout);
    }

    [Fact]
    public void Exec_into_a_stopped_or_missing_container_fails_clearly()
    {
        var bundle = NewBundle().Args("true");
        bundle.Save();
        Assert.Equal(0, Gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        DeleteAfterwards(bundle.Id);
        Assert.Equal(0, Gomini.Run("start", bundle.Id).ExitCode);
        for (var i = 0; i < 200 && !Gomini.Run("state", bundle.Id).Stdout.Contains("stopped"); i++) Thread.Sleep(10);
        var result = Gomini.Run("exec", bundle.Id, "true");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot exec in a stopped container", result.Stderr);
        var missing = Gomini.Run("exec", "no-such-container", "true");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("container does not exist", missing.Stderr);
    }

    [Fact]
    public void Run_keeps_state_while_it_runs_and_removes_it_after()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        using var run = Shell.Start(Fixture.Binary, ["--root", Gomini.Root, "run", "--bundle", bundle.Path, bundle.Id],
            environment: new Dictionary<string, string> { ["GOMINI_TEST_ID"] = bundle.Id });
        string status = "";
        for (var i = 0; i < 500 && status != "running"; i++)
        {
            Thread.Sleep(10);
            var state = Gomini.Run("state", bundle.Id);
            if (state.ExitCode == 0) status = JsonNode.Parse(state.Stdout)!["status"]!.GetValue<string>();
        }
        Assert.Equal("running", status);
        Assert.Contains(bundle.Id, Gomini.Run("list", "-q").Stdout);
        Assert.Equal("1000", Gomini.Run("exec", bundle.Id, "sh", "-c", "cat /proc/1/cmdline | tr '\\0' ' ' | cut -d' ' -f2").Stdout.Trim());
        Assert.Equal(0, Gomini.Run("kill", bundle.Id, "KILL").ExitCode);
        Assert.True(run.WaitForExit(10_000));
        Assert.Equal(137, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(Gomini.Root, bundle.Id)));
    }
}
