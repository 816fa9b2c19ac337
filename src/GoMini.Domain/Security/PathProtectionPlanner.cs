using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// linux.readonlyPaths and linux.maskedPaths: applied after pivot_root, readonly first, then
/// masked (runc's order: a masked path inside a readonly one is still hidden).
/// </summary>
public static class PathProtectionPlanner
{
    public static Validation<PlanError, Seq<Step>> Readonly(IReadOnlyList<string>? paths) =>
        Accumulate.All((paths ?? []).Select((path, index) =>
            Absolute(path, $"linux.readonlyPaths[{index}]").Map(p => (Step)new RemountReadonly(p, $"linux.readonlyPaths[{index}]"))));

    public static Validation<PlanError, Seq<Step>> Masked(IReadOnlyList<string>? paths) =>
        Accumulate.All((paths ?? []).Select((path, index) =>
            Absolute(path, $"linux.maskedPaths[{index}]").Map(p => (Step)new MaskPath(p, $"linux.maskedPaths[{index}]"))));

    /// <summary>A container path: absolute, no NUL. ".." is left to the filesystem work, which resolves inside the rootfs.</summary>
    public static Validation<PlanError, string> Absolute(string? path, string where) =>
        path switch
        {
            null or "" => Accumulate.Fail<string>(where, "must be an absolute path, got nothing"),
            _ when path.Contains('\0') => Accumulate.Fail<string>(where, "must not contain a NUL byte"),
            _ when !path.StartsWith('/') => Accumulate.Fail<string>(where, $"must be an absolute path, got \"{path}\""),
            _ => Success<PlanError, string>(path),
        };
}
