using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Podman;

/// <summary>
/// podman's --memory, --pids-limit and --cpus through gomini: the values must land in the cgroups the
/// container's process really is in (read on the host via /proc/PID/cgroup, v1 controllers here), and the
/// kernel must enforce them (a process over --memory is OOM-killed; podman reports 137, as with runc).
/// </summary>
[Collection(ContainerCollection.Name)]
public sealed class PodmanLimitTests(PodmanFixture podman) : IClassFixture<PodmanFixture>
{
    private ProcessResult Run(params string[] args) => podman.Podman(args);

    private int Pid(string name)
    {
        var inspect = Run("inspect", "--format", "{{.State.Pid}}", name);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        return int.Parse(inspect.Stdout.Trim());
    }

    [Fact]
    public void Memory_pids_limit_and_cpus_are_written_to_the_container_process_own_cgroups_and_removed_with_it()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Poll.Name();
        var started = Run("run", "-d", "--name", name, "--memory", "64m", "--pids-limit", "50", "--cpus", "0.5",
            "localhost/busybox", "sleep", "1000");
        Assert.True(started.ExitCode == 0, started.ToString());
        string[] dirs;
        try
        {
            var pid = Pid(name);
            var memory = GominiCli.CgroupOf(pid, "memory");
            var pids = GominiCli.CgroupOf(pid, "pids");
            var cpu = GominiCli.CgroupOf(pid, "cpu");
            dirs = [memory, pids, cpu];
            // The container's own cgroup, not the host's root or gomini's: podman names it after the container id.
            Assert.All(dirs, d => Assert.Contains("libpod-", d));
            Assert.Equal("67108864", File.ReadAllText(Path.Combine(memory, "memory.limit_in_bytes")).Trim());
            Assert.Equal("50", File.ReadAllText(Path.Combine(pids, "pids.max")).Trim());
            var quota = long.Parse(File.ReadAllText(Path.Combine(cpu, "cpu.cfs_quota_us")));
            var period = long.Parse(File.ReadAllText(Path.Combine(cpu, "cpu.cfs_period_us")));
            Assert.Equal(0.5, (double)quota / period, 3);
            Assert.Contains(pid.ToString(), File.ReadAllLines(Path.Combine(memory, "cgroup.procs")));
        }
        finally
        {
            Assert.Equal(0, Run("rm", "-f", "-t", "0", name).ExitCode);
        }
        Assert.All(dirs, d => Assert.False(Directory.Exists(d), $"{d} is left after podman rm"));
    }

    [Fact]
    public void A_pids_limit_stops_forks_inside_the_container()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        const string forks = "for i in $(seq 20); do sleep 5 & echo $i; done; echo all";
        // 10 tasks: the shell and 9 sleeps; the 10th fork fails and ash gives up with 2.
        var limited = Run("run", "--rm", "--pids-limit", "10", "localhost/busybox", "sh", "-c", forks);
        Assert.True(limited.ExitCode == 2, limited.ToString());
        Assert.Equal("9", limited.Stdout.Trim().Split('\n')[^1]);
        Assert.Contains("can't fork", limited.Stderr);
        var roomy = Run("run", "--rm", "--pids-limit", "30", "localhost/busybox", "sh", "-c", forks);
        Assert.True(roomy.ExitCode == 0, roomy.ToString());
        Assert.EndsWith("all", roomy.Stdout.Trim());
    }

    [Fact]
    public void A_process_over_memory_is_oom_killed_and_podman_reports_137_like_runc()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Poll.Name();
        try
        {
            // dd's 100 MiB block is allocated and filled at once: the kernel kills dd (pid 1) in its 32 MiB cgroup.
            var result = Run("run", "--name", name, "--memory", "32m", "localhost/busybox", "dd", "if=/dev/zero", "of=/dev/null", "bs=100M", "count=1");
            Assert.True(result.ExitCode == 137, result.ToString());
            Assert.Equal("exited 137", Run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name).Stdout.Trim());
            // The same command under a big enough limit completes: it is the limit that killed it.
            var roomy = Run("run", "--rm", "--memory", "256m", "localhost/busybox", "dd", "if=/dev/zero", "of=/dev/null", "bs=100M", "count=1");
            Assert.True(roomy.ExitCode == 0, roomy.ToString());
        }
        finally
        {
            Assert.Equal(0, Run("rm", "-f", "-t", "0", name).ExitCode);
        }
    }

    [Fact]
    public void Update_changes_the_memory_and_cpu_limits_of_a_running_container()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = Poll.Name();
        var started = Run("run", "-d", "--name", name, "--memory", "64m", "--cpus", "0.5", "localhost/busybox", "sleep", "1000");
        Assert.True(started.ExitCode == 0, started.ToString());
        try
        {
            // podman passes the new resources to `gomini update -r`.
            var updated = Run("update", "--memory", "128m", "--cpus", "0.25", name);
            Assert.True(updated.ExitCode == 0, updated.ToString());
            var pid = Pid(name);
            Assert.Equal("134217728", File.ReadAllText(Path.Combine(GominiCli.CgroupOf(pid, "memory"), "memory.limit_in_bytes")).Trim());
            var cpu = GominiCli.CgroupOf(pid, "cpu");
            var quota = long.Parse(File.ReadAllText(Path.Combine(cpu, "cpu.cfs_quota_us")));
            var period = long.Parse(File.ReadAllText(Path.Combine(cpu, "cpu.cfs_period_us")));
            Assert.Equal(0.25, (double)quota / period, 3);
            Assert.Equal("running", Run("inspect", "--format", "{{.State.Status}}", name).Stdout.Trim());
        }
        finally
        {
            Assert.Equal(0, Run("rm", "-f", "-t", "0", name).ExitCode);
        }
    }
}
