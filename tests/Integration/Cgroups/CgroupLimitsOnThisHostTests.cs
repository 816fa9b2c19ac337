using System.Diagnostics;
using GoMini.Domain.Host;
using GoMini.Effects.Cgroups;
using Xunit;
using Xunit.Abstractions;
using static LanguageExt.Prelude;

namespace GoMini.Integration.Cgroups;

/// <summary>
/// The cgroup plan executed for real on this machine (root, hybrid cgroups): limits written,
/// a process joined, the kernel enforcing them, and nothing left afterwards.
/// </summary>
public sealed class CgroupLimitsOnThisHostTests(ITestOutputHelper output)
{
    [Fact]
    public void The_host_is_read_as_hybrid_with_gomini_in_its_own_memory_cgroup()
    {
        var facts = CgroupFactsReader.Read();
        Assert.Equal(CgroupMode.Hybrid, facts.Mode);
        var memory = facts.Hierarchies.Find(h => h.Controllers.Contains("memory")).IfNone(() => throw new Xunit.Sdk.XunitException("no memory hierarchy"));
        var line = File.ReadAllLines("/proc/self/cgroup").Single(l => l.Split(':')[1] == "memory");
        Assert.Equal(line.Split(':')[2], memory.OwnPath);
        Assert.Contains("memory.limit_in_bytes", memory.Files);
        Assert.True(facts.Hierarchies.Exists(h => h.Unified && h.Mountpoint == "/sys/fs/cgroup/unified"));
    }

    [Fact]
    public void Limits_are_written_the_process_joins_every_hierarchy_and_cleanup_leaves_nothing()
    {
        var options = CgroupHarness.Options() with { MemoryBytes = Some(64L << 20), Pids = Some(50L), CpuQuota = Some(20_000L) };
        using var h = new CgroupHarness(options);
        h.Setup();
        var p = h.StartJoined("sleep 30");
        Assert.Equal("67108864", File.ReadAllText(Path.Combine(h.LeafWith("memory.limit_in_bytes"), "memory.limit_in_bytes")).Trim());
        Assert.Equal("50", File.ReadAllText(Path.Combine(h.LeafWith("pids.max"), "pids.max")).Trim());
        Assert.Equal("20000", File.ReadAllText(Path.Combine(h.LeafWith("cpu.cfs_quota_us"), "cpu.cfs_quota_us")).Trim());
        var own = File.ReadAllText($"/proc/{p.Id}/cgroup");
        output.WriteLine(own);
        // every line but name=systemd names the container's cgroup, the cgroup2 line included
        Assert.All(own.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("name=systemd")),
            l => Assert.EndsWith("/" + options.ContainerId, l));

        h.Cleanup();
        Assert.True(p.WaitForExit(5000), "the leftover process was killed by the cleanup");
        Assert.All(h.Created, dir => Assert.False(Directory.Exists(dir), $"{dir} remains"));
    }

    [Fact]
    public void A_process_allocating_past_32m_is_oom_killed_and_reported()
    {
        using var h = new CgroupHarness(CgroupHarness.Options() with { MemoryBytes = Some(32L << 20) });
        h.Setup();
        // tail keeps the whole (newline-free) input in memory: 64 MiB against a 32 MiB limit
        var p = h.StartJoined("head -c 64m /dev/zero | tail; echo survived $?");
        Assert.True(p.WaitForExit(30_000));
        var stdout = p.StandardOutput.ReadToEnd();
        output.WriteLine(stdout);
        Assert.Contains("survived 137", stdout);   // tail died of SIGKILL
        Assert.True(CgroupEffects.WasOomKilled(h.Leaves));
        h.Cleanup();
        Assert.All(h.Created, dir => Assert.False(Directory.Exists(dir)));
    }

    [Fact]
    public void A_fork_bomb_under_pids_20_never_exceeds_20_tasks()
    {
        using var h = new CgroupHarness(CgroupHarness.Options() with { Pids = Some(20L) });
        h.Setup();
        var pids = h.LeafWith("pids.max");
        var p = h.StartJoined("for i in $(seq 200); do sleep 30 & done 2>/dev/null; wait");
        var most = 0L;
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 1500)
        {
            most = Math.Max(most, long.Parse(File.ReadAllText(Path.Combine(pids, "pids.current"))));
            Thread.Sleep(20);
        }
        var refused = CgroupEffects.Counter(Path.Combine(pids, "pids.events"), "max");
        output.WriteLine($"most tasks seen: {most}; forks refused: {refused}");
        Assert.InRange(most, 15, 20);
        Assert.True(refused > 0, "the kernel refused forks past the limit");
        h.Cleanup();
        Assert.True(p.WaitForExit(5000));
        Assert.All(h.Created, dir => Assert.False(Directory.Exists(dir)));
    }

    [Fact]
    public void A_busy_loop_under_cpu_10000_stays_near_ten_percent_of_one_cpu()
    {
        using var h = new CgroupHarness(CgroupHarness.Options() with { CpuQuota = Some(10_000L) });
        h.Setup();
        h.StartJoined("while :; do :; done");
        Thread.Sleep(300);
        var before = CgroupEffects.Stats(h.Leaves).CpuNanoseconds!.Value;
        var sw = Stopwatch.StartNew();
        Thread.Sleep(1000);
        var used = CgroupEffects.Stats(h.Leaves).CpuNanoseconds!.Value - before;
        var share = used / (sw.Elapsed.TotalMilliseconds * 1e6);
        output.WriteLine($"busy loop used {share:P1} of one CPU");
        Assert.InRange(share, 0.03, 0.30);
        h.Cleanup();
        Assert.All(h.Created, dir => Assert.False(Directory.Exists(dir)));
    }
}
