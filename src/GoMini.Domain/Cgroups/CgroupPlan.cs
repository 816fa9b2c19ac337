using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// The cgroup part of a plan, in the three places the planner puts it: <see cref="Setup"/>
/// before the init child is spawned (mkdir, limit writes), <see cref="Join"/> right after
/// (the child's pid into cgroup.procs), <see cref="Cleanup"/> when the container is gone.
/// </summary>
public sealed record CgroupPlan(Seq<Step> Setup, Seq<Step> Join, Seq<Step> Cleanup)
{
    public static CgroupPlan Empty => new(Seq<Step>.Empty, Seq<Step>.Empty, Seq<Step>.Empty);
}
