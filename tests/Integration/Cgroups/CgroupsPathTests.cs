using System.Security.Cryptography;
using System.Text;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Cgroups;

/// <summary>
/// linux.cgroupsPath with parents: a parent shared by two containers, a parent that existed before
/// gomini, an absolute nested path (what podman and ctr pass). gomini creates only the missing levels,
/// below its own cgroup, and removes only what it created, the shared parent with its last container.
/// </summary>
public sealed class CgroupsPathTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private const string Ledger = "/run/gomini-cgroups";
    private readonly GominiCli gomini = new(fixture);
    private readonly string parent = "gm-parent-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>gomini's own cgroup directory in each hierarchy the container gets (v1 controllers and cgroup2).</summary>
    private static IEnumerable<string> OwnDirs() =>
        File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Where(p => p.Length == 3 && !p[1].StartsWith("name="))
            .Select(p => "/sys/fs/cgroup/" + (p[1] == "" ? "unified" : p[1].Split(',')[0] switch
            {
                "cpu" or "cpuacct" => "cpu,cpuacct",
                "net_cls" or "net_prio" => "net_cls,net_prio",
                var c => c,
            }) + p[2].TrimEnd('/'))
            .Where(Directory.Exists).Distinct();

    private IEnumerable<string> Under(string relative) => OwnDirs().Select(d => $"{d}/{relative}");

    private static bool InLedger(string dir) =>
        File.Exists(Path.Combine(Ledger, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dir)))));

    private Bundle Created(string cgroupsPath, params string[] args)
    {
        var bundle = NewBundle().Args(args).Edit(c => c["linux"]!["cgroupsPath"] = cgroupsPath);
        bundle.Save();
        var created = gomini.Run("create", "--bundle", bundle.Path, bundle.Id);
        Assert.True(created.ExitCode == 0, created.ToString());
        return bundle;
    }

    [Fact]
    public void Two_containers_below_one_new_parent_run_side_by_side_and_the_last_one_removes_it()
    {
        var a = Created($"{parent}/a-{Guid.NewGuid():N}"[..40], "sleep", "100");
        var b = Created($"{parent}/b-{Guid.NewGuid():N}"[..40], "sleep", "100");
        Assert.Equal(0, gomini.Run("start", a.Id).ExitCode);
        Assert.Equal(0, gomini.Run("start", b.Id).ExitCode);
        var pidB = gomini.Pid(b.Id);
        Assert.Contains($"/{parent}/b-", File.ReadAllText($"/proc/{pidB}/cgroup"));
        Assert.All(Under(parent), d => Assert.True(Directory.Exists(d) && InLedger(d), d));

        Assert.Equal(0, gomini.Run("delete", "--force", a.Id).ExitCode);
        Assert.All(Under(parent), d => Assert.True(Directory.Exists(d), $"{d} went while {b.Id} is inside"));
        Assert.Equal(0, gomini.Run("delete", "--force", b.Id).ExitCode);
        Assert.All(Under(parent), d => Assert.False(Directory.Exists(d) || InLedger(d), $"{d} left behind"));
    }

    [Fact]
    public void A_parent_that_existed_before_is_used_and_stays_the_ones_gomini_made_go()
    {
        var pids = Under(parent).Single(d => d.Contains("/pids"));
        Directory.CreateDirectory(pids);
        try
        {
            var bundle = NewBundle().Args("sh", "-c", "cat /proc/self/cgroup").Edit(c => c["linux"]!["cgroupsPath"] = $"{parent}/c");
            var result = bundle.Run();
            Assert.True(result.ExitCode == 0, result.ToString());
            var line = result.Stdout.Split('\n').Single(l => l.Split(':').Length == 3 && l.Split(':')[1] == "pids");
            Assert.Equal($"{OwnOf("pids")}/{parent}/c", line.Split(':', 3)[2]);
            Assert.True(Directory.Exists(pids), "a parent gomini did not create was removed");
            Assert.False(InLedger(pids));
            Assert.False(Directory.Exists(pids + "/c"));
            Assert.All(Under(parent).Where(d => d != pids), d => Assert.False(Directory.Exists(d), $"{d} left behind"));
        }
        finally
        {
            Directory.Delete(pids);
        }
    }

    [Fact]
    public void An_absolute_nested_path_is_created_below_gomini_s_own_cgroup_and_removed_after()
    {
        var path = $"/{parent}/pod/{Guid.NewGuid():N}"[..40];
        var bundle = NewBundle().Args("sh", "-c", "cat /proc/self/cgroup").Edit(c => c["linux"]!["cgroupsPath"] = path);
        var result = bundle.Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        var memory = result.Stdout.Split('\n').Single(l => l.Split(':').Length == 3 && l.Split(':')[1] == "memory");
        Assert.Equal($"{OwnOf("memory")}{path}".Replace("//", "/"), memory.Split(':', 3)[2]);
        Assert.All(Under(parent), d => Assert.False(Directory.Exists(d) || InLedger(d), $"{d} left behind"));
    }

    [Fact]
    public void A_failed_create_below_a_new_parent_removes_the_parent_too()
    {
        var bundle = NewBundle().Args("true").Mount("/mnt", "bind", "/no/such/source", "bind")
            .Edit(c => c["linux"]!["cgroupsPath"] = $"/{parent}/x/y");
        bundle.Save();
        var created = gomini.Run("create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, created.ExitCode);
        Assert.All(Under(parent), d => Assert.False(Directory.Exists(d) || InLedger(d), $"{d} left behind"));
    }

    [Fact]
    public void An_existing_leaf_is_refused_and_left_as_it_was()
    {
        var pids = Under(parent).Single(d => d.Contains("/pids"));
        Directory.CreateDirectory(pids + "/leaf");
        try
        {
            var bundle = NewBundle().Args("true").Edit(c => c["linux"]!["cgroupsPath"] = $"{parent}/leaf");
            var result = bundle.Run();
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"{pids}/leaf", result.Stderr);
            Assert.Contains("EEXIST", result.Stderr);
            Assert.True(Directory.Exists(pids + "/leaf"), "gomini removed a cgroup it did not create");
            Assert.All(Under(parent).Where(d => d != pids), d => Assert.False(Directory.Exists(d) || InLedger(d), $"{d} left behind"));
        }
        finally
        {
            Directory.Delete(pids + "/leaf");
            Directory.Delete(pids);
        }
    }

    private static string OwnOf(string controller) =>
        File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Single(p => p[1].Split(',').Contains(controller))[2].TrimEnd('/');
}
