namespace GoMini.Effects.Lifecycle;

/// <summary>
/// pause/resume through the cgroup freezer: v1 writes FROZEN/THAWED to freezer.state (and waits until
/// the kernel reports FROZEN), v2 writes 1/0 to cgroup.freeze. Works on the container's leaf cgroups.
/// </summary>
public static class Freezer
{
    public static bool CanFreeze(IEnumerable<string> cgroups) =>
        cgroups.Any(c => File.Exists(Path.Combine(c, "freezer.state")) || File.Exists(Path.Combine(c, "cgroup.freeze")));

    public static bool IsFrozen(IEnumerable<string> cgroups)
    {
        foreach (var dir in cgroups)
        {
            var v1 = Path.Combine(dir, "freezer.state");
            var v2 = Path.Combine(dir, "cgroup.freeze");
            try
            {
                if (File.Exists(v1)) return File.ReadAllText(v1).Trim() != "THAWED";
                if (File.Exists(v2)) return File.ReadAllText(v2).Trim() == "1";
            }
            catch (IOException) { }
        }
        return false;
    }

    public static void Freeze(IEnumerable<string> cgroups) => Set(cgroups, true);
    public static void Thaw(IEnumerable<string> cgroups) => Set(cgroups, false);

    private static void Set(IEnumerable<string> cgroups, bool frozen)
    {
        var done = false;
        foreach (var dir in cgroups)
        {
            var v1 = Path.Combine(dir, "freezer.state");
            var v2 = Path.Combine(dir, "cgroup.freeze");
            if (File.Exists(v1))
            {
                var wanted = frozen ? "FROZEN" : "THAWED";
                for (var i = 0; i < 1000 && File.ReadAllText(v1).Trim() != wanted; i++)
                {
                    File.WriteAllText(v1, wanted);
                    if (File.ReadAllText(v1).Trim() != wanted) Thread.Sleep(1);
                }
                done = true;
            }
            else if (File.Exists(v2))
            {
                File.WriteAllText(v2, frozen ? "1" : "0");
                done = true;
            }
        }
        if (!done)
            throw new State.LifecycleException("the container has no freezer cgroup (pause needs the freezer controller on v1 or cgroup v2)");
    }
}
