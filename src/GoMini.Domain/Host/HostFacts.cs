using LanguageExt;

namespace GoMini.Domain.Host;

/// <summary>
/// What the pure planner needs to know about the machine, read once by Effects.
/// The Domain never asks the OS itself; tests build these by hand.
/// </summary>
/// <param name="Euid">The effective uid gomini runs as (explain works for anyone; run needs root).</param>
/// <param name="BundlePath">The bundle directory, absolute.</param>
/// <param name="RootfsExists">Whether root.path (resolved against the bundle) is a directory.</param>
/// <param name="Cgroups">The host's cgroup layout and the cgroup gomini itself runs in.</param>
public sealed record HostFacts(uint Euid, string BundlePath, bool RootfsExists, CgroupFacts Cgroups)
{
    /// <summary>gomini's own bounding set (CapBnd), when known: a container cannot get a capability outside it.</summary>
    public Option<Seq<string>> BoundingCapabilities { get; init; }

    /// <summary>Whether the host has /proc/kcore (kernels without CONFIG_PROC_KCORE do not): /dev/core links to it only then, as in runc.</summary>
    public bool HasKcore { get; init; } = true;
}
