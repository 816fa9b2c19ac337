using GoMini.Domain.Host;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Security;

/// <summary>Plans capabilities, no_new_privs, rlimits, masked/readonly paths, sysctls and seccomp.</summary>
public static class SecurityPlanner
{
    // CONTRACT (owned by the security work): the real planning replaces this body.
    public static Validation<PlanError, SecurityPlan> Plan(RuntimeSpec spec, HostFacts facts) =>
        SecurityPlan.Empty;
}
