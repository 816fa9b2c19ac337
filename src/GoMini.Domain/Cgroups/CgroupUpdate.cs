using GoMini.Domain.Host;
using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// `update`: new limits for a container whose cgroups already exist. The same values as at create
/// (<see cref="V1Writes"/>/<see cref="V2Writes"/>), placed into the directories the container joined
/// instead of directories gomini is about to make.
/// </summary>
public static class CgroupUpdate
{
    /// <param name="dirs">the container's cgroup directories (its state's cgroups), one per hierarchy.</param>
    public static Validation<PlanError, Seq<WriteCgroupFile>> Plan(ResourceRequest request, CgroupFacts facts, Seq<string> dirs)
    {
        // Device rules are set once, at create: runc's update does not change them either.
        request = request with { Resources = request.Resources with { Devices = null } };
        var errors = ResourceValidation.Check(request);
        var v2 = facts.Mode == CgroupMode.Unified;
        var placed = dirs.Choose(d => HierarchyOf(facts, d).Map(h => (Dir: d, Hierarchy: h)))
            .Filter(p => p.Hierarchy.Unified == v2);
        if (placed.IsEmpty)
            return Fail<PlanError, Seq<WriteCgroupFile>>(errors.Add(new PlanError("container",
                $"has no cgroup{(v2 ? "" : " in a resource controller hierarchy")} to update (its cgroups: {string.Join(", ", dirs)})")));

        var planned = v2
            ? V2Writes.From(request, f => CgroupLayout.HasFile(placed.Head.Hierarchy, f))
            : V1Writes.From(request, devicesMounted: false);
        errors = errors.Then(planned.Errors);
        var writes = planned.Writes.Then(v2 ? Seq<CgroupWrite>() : Cpuset(request));

        var steps = Seq<WriteCgroupFile>();
        foreach (var w in writes)
        {
            var targets = placed.Filter(p => v2 || p.Hierarchy.Controllers.Contains(w.Controller));
            if (targets.IsEmpty)
                errors = errors.Add(new PlanError(w.Field, $"needs the {w.Controller} cgroup controller, and the container has no {w.Controller} cgroup"));
            steps = steps.Then(targets.Map(t => new WriteCgroupFile($"{t.Dir}/{w.File}", w.Value, w.Reason)));
        }
        return errors.IsEmpty ? Success<PlanError, Seq<WriteCgroupFile>>(steps) : Fail<PlanError, Seq<WriteCgroupFile>>(errors);
    }

    /// <summary>The hierarchy a cgroup directory lies in: the one whose mount point is its longest prefix.</summary>
    public static Option<CgroupHierarchy> HierarchyOf(CgroupFacts facts, string dir) =>
        facts.Hierarchies.Filter(h => dir.StartsWith(h.Mountpoint.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(h => h.Mountpoint.Length).HeadOrNone();

    /// <summary>v1: at create the layout writes cpuset.cpus/mems; on update they are plain writes.</summary>
    private static Seq<CgroupWrite> Cpuset(ResourceRequest request)
    {
        var cpu = request.Resources.Cpu;
        var writes = Seq<CgroupWrite>();
        if (cpu?.Cpus is { } cpus) writes = writes.Add(new CgroupWrite("cpuset", "cpuset.cpus", cpus, request.Path("cpu.cpus")));
        if (cpu?.Mems is { } mems) writes = writes.Add(new CgroupWrite("cpuset", "cpuset.mems", mems, request.Path("cpu.mems")));
        return writes;
    }
}
