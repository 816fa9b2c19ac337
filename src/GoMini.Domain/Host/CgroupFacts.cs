using LanguageExt;

namespace GoMini.Domain.Host;

/// <summary>How the host mounts cgroups: pure v2, v1 for resources beside a v2 tree, or v1 only.</summary>
public enum CgroupMode { Unified, Hybrid, Legacy, None }

/// <summary>One mounted cgroup hierarchy and where gomini itself sits in it.</summary>
/// <param name="Mountpoint">e.g. /sys/fs/cgroup/memory, or /sys/fs/cgroup on a v2 host.</param>
/// <param name="Controllers">v1: the controllers bound to it (memory; cpu,cpuacct); v2: those enabled for children of gomini's cgroup.</param>
/// <param name="OwnPath">gomini's own cgroup in this hierarchy, from /proc/self/cgroup, e.g. /user.slice.</param>
/// <param name="Unified">true for the cgroup2 hierarchy.</param>
public sealed record CgroupHierarchy(string Mountpoint, Seq<string> Controllers, string OwnPath, bool Unified);

public sealed record CgroupFacts(CgroupMode Mode, Seq<CgroupHierarchy> Hierarchies)
{
    public static CgroupFacts NoCgroups => new(CgroupMode.None, Seq<CgroupHierarchy>.Empty);
}
