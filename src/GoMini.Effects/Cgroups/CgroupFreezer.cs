using GoMini.Effects.Native;

namespace GoMini.Effects.Cgroups;

/// <summary>
/// Pause and resume a cgroup: v1 freezer.state (FROZEN/THAWED, FREEZING while in progress),
/// v2 cgroup.freeze with cgroup.events telling "frozen 1" once every task is stopped.
/// </summary>
internal static class CgroupFreezer
{
    public static void Set(string path, bool frozen)
    {
        var v1 = Path.Combine(path, "freezer.state");
        var v2 = Path.Combine(path, "cgroup.freeze");
        Func<bool> done;
        if (File.Exists(v1))
        {
            var want = frozen ? "FROZEN" : "THAWED";
            CgroupEffects.Write(v1, want);
            done = () => CgroupEffects.ReadOrNull(v1)?.Trim() == want;
        }
        else if (File.Exists(v2))
        {
            CgroupEffects.Write(v2, frozen ? "1" : "0");
            done = () => CgroupEffects.Counter(Path.Combine(path, "cgroup.events"), "frozen") == (frozen ? 1 : 0);
        }
        else throw new SyscallException("open", v1, CgroupNative.ENOENT);
        for (var i = 0; i < 500; i++)
        {
            if (done()) return;
            Thread.Sleep(i < 10 ? 1 : 10);
        }
        throw new SyscallException(frozen ? "freeze" : "thaw", path, CgroupNative.ETIMEDOUT);
    }
}
