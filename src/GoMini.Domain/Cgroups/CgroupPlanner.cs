using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Cgroups;

/// <summary>Plans the container's cgroups: where they go, every limit written, and their removal.</summary>
public static class CgroupPlanner
{
    // CONTRACT (owned by the cgroups work): the real planning replaces this body.
    public static Validation<PlanError, CgroupPlan> Plan(RuntimeSpec spec, RunOptions options, HostFacts facts) =>
        CgroupPlan.Empty;
}
