using System.Diagnostics;
using GoMini.Integration.Support;
using Xunit;
using Xunit.Abstractions;

namespace GoMini.Integration.Cgroups;

/// <summary>
/// `gomini run` with --mem, --pids and --cpu on this machine: the kernel enforces the limits on a real
/// container, gomini reports an OOM kill, and the leak check (ContainerTest) finds no cgroup left.
/// </summary>
public sealed class GominiRunLimitTests(GominiFixture fixture, ITestOutputHelper output) : ContainerTest(fixture)
{
    [Fact]
    public void A_container_allocating_past_mem_32m_is_oom_killed_exits_137_and_gomini_says_so()
    {
        var bundle = NewBundle();
        // tail keeps its whole newline-free input: 64 MiB against 32 MiB; the shell passes on tail's 137
        var result = bundle.Run(["--mem", "32m", "--", "sh", "-c", "head -c 64m /dev/zero | tail"]);
        output.WriteLine(result.ToString());
        Assert.Equal(137, result.ExitCode);
        Assert.Contains("OOM", result.Stderr);
    }

    [Fact]
    public void A_fork_bomb_under_pids_20_never_exceeds_20_tasks_and_the_container_still_ends()
    {
        var bundle = NewBundle();
        // The bomb runs in a child shell, which dies of its first refused fork (ash exits 2); the
        // container's shell (pid 1) set a timer first that SIGKILLs everything else after 2 s, so it ends.
        var gomini = bundle.Start("--pids", "20", "--", "sh", "-c",
            "(sleep 2; kill -9 -1) & sh -c 'for i in $(seq 200); do sleep 30 & done' 2>/dev/null; wait; echo ended");
        var current = ContainerCgroup("pids", bundle.Id, "pids.current");
        var most = 0L;
        var sw = Stopwatch.StartNew();
        while (!gomini.HasExited && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (File.Exists(current) && long.TryParse(TryRead(current), out var n)) most = Math.Max(most, n);
            Thread.Sleep(20);
        }
        var result = Shell.Finish(gomini, TimeSpan.FromSeconds(20));
        output.WriteLine($"most tasks seen: {most}\n{result}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ended", result.Stdout);
        Assert.InRange(most, 15, 20);
    }

    [Fact]
    public void A_busy_loop_under_cpu_10000_holds_near_ten_percent_of_one_cpu()
    {
        var bundle = NewBundle();
        // pid 1 ignores signals from inside its namespace, so the loop runs in a child that pid 1 kills
        var gomini = bundle.Start("--cpu", "10000", "--", "sh", "-c", "while :; do :; done & sleep 3; kill -9 $!");
        var usage = ContainerCgroup("cpuacct", bundle.Id, "cpuacct.usage");
        var sw = Stopwatch.StartNew();
        while (!File.Exists(usage) && sw.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(10);
        Thread.Sleep(300);
        var before = long.Parse(TryRead(usage));
        var t0 = Stopwatch.GetTimestamp();
        Thread.Sleep(1000);
        var used = long.Parse(TryRead(usage)) - before;
        var share = used / (Stopwatch.GetElapsedTime(t0).TotalMilliseconds * 1e6);
        var result = Shell.Finish(gomini, TimeSpan.FromSeconds(20));
        output.WriteLine($"busy loop used {share:P1} of one CPU\n{result}");
        Assert.InRange(share, 0.03, 0.30);
    }

    [Fact]
    public void Explain_shows_the_cgroup_writes_for_this_host()
    {
        var bundle = NewBundle();
        bundle.Save();
        var result = Shell.Run(Fixture.Binary, ["explain", "--bundle", bundle.Path, bundle.Id, "--mem", "64m", "--pids", "50"], TimeSpan.FromSeconds(30));
        output.WriteLine(result.ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("memory.limit_in_bytes", result.Stdout);
        Assert.Contains("67108864", result.Stdout);
        Assert.Contains("pids.max", result.Stdout);
    }

    /// <summary>The container's cgroup file in a v1 hierarchy: below this test's own cgroup, which gomini inherits.</summary>
    private static string ContainerCgroup(string controller, string id, string file)
    {
        var own = File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Single(p => p[1].Split(',').Contains(controller))[2];
        return $"/sys/fs/cgroup/{controller}{own.TrimEnd('/')}/{id}/{file}";
    }

    private static string TryRead(string file)
    {
        try { return File.ReadAllText(file).Trim(); }
        catch (IOException) { return ""; }
    }
}
