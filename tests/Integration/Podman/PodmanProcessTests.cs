using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Podman;

/// <summary>
/// What podman shows of and does to a running gomini container: `ps` and `top` see it, `restart` runs it
/// again as a new process, and `kill -s` delivers the named signal to the container's init.
/// </summary>
[Collection(ContainerCollection.Name)]
public sealed class PodmanProcessTests(PodmanFixture podman) : IClassFixture<PodmanFixture>
{
    /// <summary>A shell that says which signal it got and exits with a code of its own for each.</summary>
    private const string Trapping =
        "trap 'echo got-hup; exit 3' HUP; trap 'echo got-term; exit 4' TERM; echo ready; while :; do sleep 0.1; done";

    private ProcessResult Run(params string[] args) => podman.Podman(args);

    private string Inspect(string name, string format) => Run("inspect", "--format", format, name).Stdout.Trim();

    private string Detached(params string[] command)
    {
        var name = Poll.Name();
        var started = Run(["run", "-d", "--name", name, "localhost/busybox", .. command]);
        Assert.True(started.ExitCode == 0, started.ToString());
        return name;
    }

    private void Remove(string name) => Assert.Equal(0, Run("rm", "-f", "-t", "0", name).ExitCode);

    [Fact]
    public void Ps_shows_a_running_container_up_and_an_ended_one_exited()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Detached("sleep", "1000");
        try
        {
            var running = Run("ps", "--filter", $"name={name}", "--format", "{{.Names}} {{.Status}}");
            Assert.True(running.ExitCode == 0, running.ToString());
            Assert.StartsWith($"{name} Up", running.Stdout.Trim());
            Assert.Equal(0, Run("kill", name).ExitCode);
            var all = Poll.Until(() => Run("ps", "-a", "--filter", $"name={name}", "--format", "{{.Names}} {{.Status}}").Stdout.Trim(),
                s => s.Contains("Exited"));
            Assert.StartsWith($"{name} Exited (137)", all);
            Assert.Equal("", Run("ps", "--filter", $"name={name}", "--format", "{{.Names}}").Stdout.Trim());
        }
        finally { Remove(name); }
    }

    [Fact]
    public void Top_lists_the_container_processes()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Detached("sh", "-c", "sleep 1000 & sleep 2000");
        try
        {
            static string[] Rows(ProcessResult top) => top.Stdout.Trim().Split('\n').Skip(1).Select(l => l.Trim()).ToArray();
            // The background job is a forked shell until it execs sleep 1000: wait for the exec.
            var top = Poll.Until(() => Run("top", name, "pid", "args"),
                r => Rows(r).Any(l => l.EndsWith(" sleep 1000", StringComparison.Ordinal)) && Rows(r).Any(l => l.EndsWith(" sleep 2000", StringComparison.Ordinal)));
            Assert.True(top.ExitCode == 0, top.ToString());
            var rows = Rows(top);
            // Pids as the container sees them: ash execs its last command, so sleep 2000 is the init, pid 1.
            Assert.Contains(rows, r => r.StartsWith("1 ", StringComparison.Ordinal) && r.EndsWith("sleep 2000", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.EndsWith("sleep 1000", StringComparison.Ordinal) && !r.StartsWith("1 ", StringComparison.Ordinal));
        }
        finally { Remove(name); }
    }

    [Fact]
    public void Restart_runs_the_container_again_as_a_new_process()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Detached("sh", "-c", "echo run; sleep 1000");
        try
        {
            Poll.Until(() => Run("logs", name).Stdout, s => s.Contains("run"));
            var before = Inspect(name, "{{.State.Pid}}");
            var restarted = Run("restart", "-t", "1", name);
            Assert.True(restarted.ExitCode == 0, restarted.ToString());
            Assert.Equal("running", Inspect(name, "{{.State.Status}}"));
            var after = Inspect(name, "{{.State.Pid}}");
            Assert.NotEqual(before, after);
            Assert.True(int.Parse(after) > 0, after);
            Assert.True(Directory.Exists($"/proc/{after}"), $"the new init {after} is not running");
            Assert.False(Directory.Exists($"/proc/{before}") && File.ReadAllText($"/proc/{before}/cmdline").Contains("sleep"),
                $"the old init {before} still runs");
            // The container's command really ran twice: once per start.
            var logs = Poll.Until(() => Run("logs", name).Stdout, s => s.Split('\n').Count(l => l == "run") == 2);
            Assert.Equal(2, logs.Split('\n').Count(l => l == "run"));
        }
        finally { Remove(name); }
    }

    [Theory]
    [InlineData("HUP", 3, "got-hup")]
    [InlineData("TERM", 4, "got-term")]
    [InlineData("SIGHUP", 3, "got-hup")]
    [InlineData("15", 4, "got-term")]
    public void Kill_s_delivers_the_signal_to_the_container_init(string signal, int exitCode, string said)
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Detached("sh", "-c", Trapping);
        try
        {
            // Only once the shell has set its traps does the signal mean something to it.
            Assert.Contains("ready", Poll.Until(() => Run("logs", name).Stdout, s => s.Contains("ready")));
            var killed = Run("kill", "-s", signal, name);
            Assert.True(killed.ExitCode == 0, killed.ToString());
            var status = Poll.Until(() => Inspect(name, "{{.State.Status}} {{.State.ExitCode}}"), s => s.StartsWith("exited", StringComparison.Ordinal));
            Assert.Equal($"exited {exitCode}", status);
            Assert.Contains(said, Run("logs", name).Stdout);
        }
        finally { Remove(name); }
    }

    /// <summary>Regression: gomini left a SIGKILLed paused container frozen, and podman timed out waiting for its exit.</summary>
    [Fact]
    public void Kill_of_a_paused_container_ends_it_as_with_runc()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Detached("sleep", "1000");
        try
        {
            Assert.Equal(0, Run("pause", name).ExitCode);
            var killed = Run("kill", name);
            Assert.True(killed.ExitCode == 0, killed.ToString());
            var status = Poll.Until(() => Inspect(name, "{{.State.Status}} {{.State.ExitCode}}"), s => s.StartsWith("exited", StringComparison.Ordinal));
            Assert.Equal("exited 137", status);
        }
        finally { Remove(name); }
    }

    [Fact]
    public void A_created_container_started_attached_gives_its_output_and_exit_code()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Poll.Name();
        var created = Run("create", "--name", name, "localhost/busybox", "sh", "-c", "echo from-create; exit 4");
        Assert.True(created.ExitCode == 0, created.ToString());
        try
        {
            Assert.Equal("created", Inspect(name, "{{.State.Status}}"));
            var started = Run("start", "-a", name);
            Assert.True(started.ExitCode == 4, started.ToString());
            Assert.Equal("from-create", started.Stdout.Trim());
        }
        finally { Remove(name); }
    }

    [Fact]
    public void Exec_d_runs_a_process_in_the_background_of_a_running_container()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Detached("sleep", "1000");
        try
        {
            var detached = Run("exec", "-d", name, "sh", "-c", "sleep 0.2; echo done >/tmp/marker");
            Assert.True(detached.ExitCode == 0, detached.ToString());
            var marker = Poll.Until(() => Run("exec", name, "cat", "/tmp/marker"), r => r.ExitCode == 0);
            Assert.Equal("done", marker.Stdout.Trim());
        }
        finally { Remove(name); }
    }

    [Fact]
    public void A_restart_policy_runs_a_failing_container_again()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Poll.Name();
        var started = Run("run", "-d", "--restart", "on-failure:2", "--name", name, "localhost/busybox", "sh", "-c", "echo attempt; exit 1");
        Assert.True(started.ExitCode == 0, started.ToString());
        try
        {
            // conmon reports each exit; podman deletes the runtime's container and creates it again.
            var state = Poll.Until(() => Inspect(name, "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}"), s => s == "2 exited 1", seconds: 20);
            Assert.Equal("2 exited 1", state);
            Assert.Equal(3, Run("logs", name).Stdout.Split('\n').Count(l => l == "attempt"));
        }
        finally { Remove(name); }
    }

    [Fact]
    public void A_container_run_with_rm_is_gone_once_stopped()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Poll.Name();
        var started = Run("run", "-d", "--rm", "--name", name, "localhost/busybox", "sleep", "1000");
        Assert.True(started.ExitCode == 0, started.ToString());
        try
        {
            Assert.Equal(0, Run("stop", "-t", "0", name).ExitCode);
            var all = Poll.Until(() => Run("ps", "-a", "--filter", $"name={name}", "--format", "{{.Names}}").Stdout.Trim(), s => s == "");
            Assert.Equal("", all);
        }
        finally { Assert.Equal(0, Run("rm", "-f", "-t", "0", "--ignore", name).ExitCode); }
    }
}
