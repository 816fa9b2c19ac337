using LanguageExt;

namespace GoMini.Domain.Host;

/// <summary>How the host mounts cgroups: pure v2, v1 for resources beside a v2 tree, or v1 only.</summary>
public enum CgroupMode { Unified, Hybrid, Legacy, None }

/// <summary>One mounted cgroup hierarchy and where gomini itself sits in it.</summary>
/// <param name="Mountpoint">e.g. /sys/fs/cgroup/memory, or /sys/fs/cgroup on a v2 host.</param>
/// <param name="Controllers">v1: the controllers bound to it (memory; cpu,cpuacct; name=systemd); v2: those enabled for children of gomini's cgroup (its cgroup.subtree_control).</param>
/// <param name="OwnPath">gomini's own cgroup in this hierarchy, from /proc/self/cgroup, e.g. /user.slice.</param>
/// <param name="Unified">true for the cgroup2 hierarchy.</param>
public sealed record CgroupHierarchy(string Mountpoint, Seq<string> Controllers, string OwnPath, bool Unified)
{
    /// <summary>
    /// The control files a new cgroup below gomini's own would have, as far as the host shows them:
    /// the file names in gomini's own cgroup directory, or, when that is a root cgroup (which lacks
    /// files such as pids.max), in one of its children. Empty means unknown: the planner does not check.
    /// </summary>
    public Seq<string> Files { get; init; }

    /// <summary>Values of gomini's own cgroup a new child must copy: v1 cpuset.cpus and cpuset.mems.</summary>
    public HashMap<string, string> OwnValues { get; init; }

    /// <summary>A v1 hierarchy bound to no resource controller (name=systemd): gomini leaves it alone.</summary>
    public bool IsNamedOnly => !Unified && Controllers.ForAll(c => c.StartsWith("name="));
}

public sealed record CgroupFacts(CgroupMode Mode, Seq<CgroupHierarchy> Hierarchies)
{
    public static CgroupFacts NoCgroups => new(CgroupMode.None, Seq<CgroupHierarchy>.Empty);
}
