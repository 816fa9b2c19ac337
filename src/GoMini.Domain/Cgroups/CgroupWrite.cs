using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// One value for one control file of the container's cgroup, before it is placed in a hierarchy:
/// <paramref name="Controller"/> picks the hierarchy (v1) or the controller to enable (v2);
/// <paramref name="Field"/> is the config path or flag it came from, for errors and `explain`.
/// </summary>
public sealed record CgroupWrite(string Controller, string File, string Value, string Field, string Note = "")
{
    public string Reason => Note.Length == 0 ? Field : $"{Field} ({Note})";
}

/// <summary>
/// The writes for a host's cgroup version and what cannot be written there. A class, not a
/// ValueTuple: a tuple's IComparable drags Seq&lt;PlanError&gt;'s ordering into NativeAOT, which fails.
/// </summary>
public sealed class CgroupWrites(Seq<CgroupWrite> writes, Seq<PlanError> errors)
{
    public Seq<CgroupWrite> Writes { get; } = writes;
    public Seq<PlanError> Errors { get; } = errors;
}
