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
    // An array, not a Seq: Seq.Bind over the rules joins their error lists with `Seq + Seq`,
    // a generic cycle NativeAOT's IL scanner cannot close (see Security/Accumulate.cs).
    private static readonly Func<PlanInput, Seq<PlanError>>[] Rules =
    [
        VersionRule.Check,
        RootRule.Check,
        ProcessRule.Check,
        HostnameRule.Check,
        MountRule.Check,
    ];

    public static Seq<PlanError> Validate(PlanInput input) => toSeq(Rules.SelectMany(rule => rule(input)).ToArray());
}
