using Xunit;

namespace GoMini.Integration.Support;

/// <summary>
/// After a container test: nothing of it may remain. Checked, not assumed: no mount naming the bundle
/// or this checkout's gomini binary (its read-only bind must stay in the init's private mount namespace), no cgroup directory named for the container, no process of the test (gomini, init, container).
/// </summary>
public static class LeakCheck
{
    public static void AssertNothingLeft(Bundle bundle) => AssertNothingLeft(bundle.Path, bundle.Id, bundle.Marker);

    /// <summary>The same checks for a container gomini did not start from a <see cref="Bundle"/> (podman, containerd).</summary>
    public static void AssertNothingLeft(string path, string id, string marker)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Where(l => l.Contains(path) || l.Contains(OwnBinaryDirectory))
            .ToList();
        Assert.True(mounts.Count == 0, "mounts left behind:\n" + string.Join('\n', mounts));

        var cgroups = CgroupDirectoriesNamed(id).ToList();
        Assert.True(cgroups.Count == 0, "cgroups left behind:\n" + string.Join('\n', cgroups));

        var processes = ProcessesMarked(marker).ToList();
        Assert.True(processes.Count == 0, "processes left behind (gomini, its init child or the container's): " +
                                          string.Join(", ", processes));
    }

    /// <summary>
    /// Only this checkout's binary: another worktree's test run on the same machine is not this run's leak.
    /// </summary>
    private static readonly string OwnBinaryDirectory = Path.Combine(Repo.Root, "bin") + "/";

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

    /// <summary>Processes whose environment holds the test's marker: gomini, its init child, the container's.</summary>
    private static IEnumerable<string> ProcessesMarked(string marker)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(marker + "\0");
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
                continue;
            byte[] environ;
            string cmdline;
            try
            {
                environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (environ.AsSpan().IndexOf(needle) >= 0)
                yield return $"{pid} ({cmdline})";
        }
    }
}
