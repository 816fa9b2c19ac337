using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Validation;

/// <summary>root.path must be given and must name an existing directory (relative to the bundle).</summary>
public static class RootRule
{
    public static Seq<PlanError> Check(PlanInput input)
    {
        if (input.Spec.Root is null) return Seq1(new PlanError("root", "must be set"));
        if (string.IsNullOrEmpty(input.Spec.Root.Path)) return Seq1(new PlanError("root.path", "must be set"));
        return input.Facts.RootfsExists
            ? Empty
            : Seq1(new PlanError("root.path", $"directory \"{Paths.Rootfs(input)}\" does not exist"));
    }
}
