using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Security;

/// <summary>
/// The hardening steps of the init child, grouped by where the planner places them:
/// <see cref="AfterPivot"/> (masked and readonly paths, sysctls), <see cref="BeforeUserChange"/>
/// (rlimits, oom score, personality, no_new_privs, bounding set, keep-caps),
/// <see cref="AfterUserChange"/> (capset, ambient), <see cref="LastBeforeExec"/> (seccomp).
/// </summary>
public sealed record SecurityPlan(Seq<Step> AfterPivot, Seq<Step> BeforeUserChange, Seq<Step> AfterUserChange, Seq<Step> LastBeforeExec)
{
    public static SecurityPlan Empty => new(Seq<Step>.Empty, Seq<Step>.Empty, Seq<Step>.Empty, Seq<Step>.Empty);
}
