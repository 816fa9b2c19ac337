using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Validation;

/// <summary>
/// The config checks that belong to no single planner, run in order (as runc's specconv
/// validators are) and all reported at once: every rule sees the whole input.
/// </summary>
public static class SpecValidator
{
    // Built with Seq(...), not a collection expression: [..] on a LanguageExt Seq calls its
    // non-mutating Add and silently yields an empty sequence (a bug found and pinned in the properties).
    private static readonly Seq<Func<PlanInput, Seq<PlanError>>> Rules = Seq(
        VersionRule.Check,
        RootRule.Check,
        ProcessRule.Check,
        HostnameRule.Check,
        MountRule.Check);

    public static Seq<PlanError> Validate(PlanInput input) => Rules.Bind(rule => rule(input));
}
