using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Containerd;

/// <summary>containerd's runc shim (containerd-shim-runc-v2) driving gomini through `ctr run --runc-binary`.</summary>
[Collection(ContainerCollection.Name)]
public sealed class ContainerdTests(ContainerdFixture containerd) : IClassFixture<ContainerdFixture>
{
    private static string NewId() => "gm-ctr-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Run_rm_prints_the_output_and_gives_the_exit_code()
    {
        Assert.True(containerd.Available, "containerd, ctr and containerd-shim-runc-v2 are needed (Debian package containerd)");
        var id = NewId();
        var hello = containerd.Run(id, "echo", "hello");
        Assert.True(hello.ExitCode == 0, hello.ToString());
        Assert.Equal("hello", hello.Stdout.Trim());
        AssertGone(id);

        var failing = NewId();
        var seven = containerd.Run(failing, "sh", "-c", "exit 7");
        Assert.True(seven.ExitCode == 7, seven.ToString());
        AssertGone(failing);
    }

    [Fact]
    public void The_process_is_pid_1_in_a_cgroup_named_for_the_container()
    {
        Assert.True(containerd.Available, "containerd, ctr and containerd-shim-runc-v2 are needed (Debian package containerd)");
        var id = NewId();
        // ctr's default cgroupsPath, /<namespace>/<id>, below gomini's own cgroup
        var result = containerd.Run(id, "sh", "-c", $"echo $$; grep -c /{ContainerdFixture.Namespace}/{id} /proc/self/cgroup");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Trim().Split('\n');
        Assert.Equal("1", lines[0]);
        Assert.True(int.Parse(lines[1]) > 0, result.ToString());
        AssertGone(id);
    }

    [Fact]
    public void A_detached_task_is_listed_killed_and_deleted()
    {
        Assert.True(containerd.Available, "containerd, ctr and containerd-shim-runc-v2 are needed (Debian package containerd)");
        var id = NewId();
        var started = containerd.Ctr(["run", "-d", "--runc-binary", containerd.Runtime, "--runc-root", containerd.RuntimeRoot,
            "--env", $"GOMINI_TEST_ID={id}", ContainerdFixture.Image, id, "sleep", "1000"]);
        Assert.True(started.ExitCode == 0, started.ToString());
        try
        {
            var tasks = containerd.Ctr(["task", "ls"]);
            Assert.Contains("RUNNING", tasks.Stdout.Split('\n').Single(l => l.StartsWith(id)));
            var state = Shell.Run(containerd.Runtime, ["--root", containerd.GominiRoot, "state", id], TimeSpan.FromSeconds(10));
            Assert.Contains("\"running\"", state.Stdout);
            Assert.Equal(0, containerd.Ctr(["task", "kill", "-s", "KILL", id]).ExitCode);
            for (var i = 0; i < 50 && !containerd.Ctr(["task", "ls"]).Stdout.Split('\n').Single(l => l.StartsWith(id)).Contains("STOPPED"); i++)
                Thread.Sleep(100);
            Assert.Contains("STOPPED", containerd.Ctr(["task", "ls"]).Stdout.Split('\n').Single(l => l.StartsWith(id)));
        }
        finally
        {
            containerd.Ctr(["task", "delete", "-f", id]);
            containerd.Ctr(["container", "rm", id]);
        }
        AssertGone(id);
    }

    /// <summary>Nothing of the container left: not in gomini's state, no mount, cgroup or process (its shim included).</summary>
    private void AssertGone(string id)
    {
        var list = Shell.Run(containerd.Runtime, ["--root", containerd.GominiRoot, "list", "-q"], TimeSpan.FromSeconds(10));
        Assert.True(list.ExitCode == 0 && Directory.Exists(containerd.GominiRoot), list.ToString());
        Assert.DoesNotContain(id, list.Stdout);
        Assert.Equal("", containerd.Ctr(["container", "ls", "-q"]).Stdout.Trim());
        LeakCheck.AssertNothingLeft(Path.Combine(containerd.Dir, "state"), id, $"GOMINI_TEST_ID={id}");
        // The /gomini-test parent gomini made goes with the last container inside it (one of another run may still be there).
        foreach (var line in File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Where(p => p[1] is "pids" or "memory"))
        {
            var parent = $"/sys/fs/cgroup/{line[1]}{line[2].TrimEnd('/')}/{ContainerdFixture.Namespace}";
            Assert.True(!Directory.Exists(parent) || Directory.EnumerateDirectories(parent).Any(), $"{parent} left behind empty");
        }
        var shims = Directory.EnumerateDirectories("/proc")
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } })
            .Where(c => c.Contains(id) || c.Contains(containerd.Dir) && c.Contains("shim"))
            .ToList();
        Assert.True(shims.Count == 0, "processes left behind: " + string.Join(", ", shims));
    }
}
