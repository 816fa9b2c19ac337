using Xunit;

namespace GoMini.Integration.Support;

/// <summary>
/// After a container test: nothing of it may remain. Checked, not assumed: no mount naming the bundle
/// or gomini, no cgroup directory named for the container, no `gomini init` process.
/// </summary>
public static class LeakCheck
{
    public static void AssertNothingLeft(Bundle bundle)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Where(l => l.Contains(bundle.Path) || l.Contains("gomini"))
            .ToList();
        Assert.True(mounts.Count == 0, "mounts left behind:\n" + string.Join('\n', mounts));

        var cgroups = CgroupDirectoriesNamed(bundle.Id).ToList();
        Assert.True(cgroups.Count == 0, "cgroups left behind:\n" + string.Join('\n', cgroups));

        var inits = InitProcesses().ToList();
        Assert.True(inits.Count == 0, "`gomini init` processes left behind: " + string.Join(", ", inits));
    }

    /// <summary>gomini creates cgroups below the one it runs in, which is this test process's (per hierarchy on v1).</summary>
    private static IEnumerable<string> CgroupDirectoriesNamed(string id)
    {
        foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
                continue;
            var hierarchy = parts[1] == "" ? "unified" : parts[1].Replace("name=", "");
            var own = Path.Combine("/sys/fs/cgroup", hierarchy) + parts[2];
            if (!Directory.Exists(own))
                continue;
            IEnumerable<string> found;
            try
            {
                found = Directory.EnumerateDirectories(own, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
                    .Where(d => d.Contains(id)).ToList();
            }
            catch (IOException) { continue; }
            foreach (var dir in found)
                yield return dir;
        }
    }

    private static IEnumerable<int> InitProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            string cmdline;
            try { cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (cmdline == "gomini\0init\0")
                yield return pid;
        }
    }
}
