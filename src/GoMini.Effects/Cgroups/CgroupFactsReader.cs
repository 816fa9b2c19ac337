using GoMini.Domain.Host;

namespace GoMini.Effects.Cgroups;

/// <summary>Reads the host's cgroup mode and gomini's own cgroups (/proc/self/mountinfo, /proc/self/cgroup).</summary>
public static class CgroupFactsReader
{
    // CONTRACT (owned by the cgroups work): the real detection replaces this body.
    public static CgroupFacts Read() => CgroupFacts.NoCgroups;
}
