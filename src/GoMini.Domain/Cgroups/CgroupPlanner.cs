using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Cgroups;

/// <summary>Plans the container's cgroups: where they go, every limit written, and their removal.</summary>
public static class CgroupPlanner
{
    public static Validation<PlanError, CgroupPlan> Plan(RuntimeSpec spec, RunOptions options, HostFacts facts)
    {
        var request = ResourceRequest.From(spec, options);
        var cg = facts.Cgroups;
        var errors = ResourceValidation.Check(request);
        if (cg.Mode == CgroupMode.None)
            return NoCgroups(request, errors);

        return CgroupLayout.ParsePath(spec.Linux?.CgroupsPath, options.ContainerId).Match(
            Succ: path => PlanAt(request, cg, errors, path.Absolute, path.Parts),
            Fail: pathErrors => Fail<PlanError, CgroupPlan>(errors.Then(pathErrors)));
    }

    private static Validation<PlanError, CgroupPlan> PlanAt(ResourceRequest request, CgroupFacts cg, Seq<PlanError> errors, bool absolute, Seq<string> parts)
    {

        var dirs = CgroupLayout.Hierarchies(cg).Map(h => CgroupLayout.For(h, absolute, parts));
        var v2 = cg.Mode == CgroupMode.Unified;
        var devicesDirs = dirs.Find(d => !d.Hierarchy.Unified && d.Hierarchy.Controllers.Contains("devices"));
        var planned = v2
            ? V2Writes.From(request, f => dirs.Head.Apply(d => CgroupLayout.HasFile(d.Hierarchy, f)))
            : V1Writes.From(request, devicesDirs.IsSome);
        var writes = planned.Writes;
        errors = errors.Then(planned.Errors);

        var placed = Seq<(CgroupDirs Dirs, CgroupWrite Write)>();
        foreach (var w in writes)
        {
            var target = dirs.Find(d => d.Hierarchy.Unified == v2 && (v2 || d.Hierarchy.Controllers.Contains(w.Controller)));
            if (target.IsNone)
                errors = errors.Add(new PlanError(w.Field, $"needs the {w.Controller} cgroup controller, which is not mounted on this host"));
            foreach (var d in target)
            {
                if (!CgroupLayout.HasFile(d.Hierarchy, w.File))
                    errors = errors.Add(new PlanError(w.Field,
                        $"cannot be applied on this host: its {w.Controller} cgroups have no {w.File} (see {d.Hierarchy.Mountpoint})"));
                else placed = placed.Add((d, w));
            }
        }
        if (!v2 && request.Resources.Cpu is { } cpu && (cpu.Cpus ?? cpu.Mems) is not null && !dirs.Exists(IsCpuset))
            errors = errors.Add(new PlanError(request.Path(cpu.Cpus is not null ? "cpu.cpus" : "cpu.mems"),
                "needs the cpuset cgroup controller, which is not mounted on this host"));

        var enable = Seq<string>();
        if (v2)
        {
            enable = EnabledControllers(dirs.Head, placed.Map(p => p.Write), out var missing);
            errors = errors.Then(missing);
        }
        if (!errors.IsEmpty) return Fail<PlanError, CgroupPlan>(errors);

        var devicesNote = (request.Resources.Devices?.Count ?? 0) > 0 && devicesDirs.IsNone ? V2Writes.DevicesNotEnforced : "";
        var setup = dirs.Select((d, i) => Parents(d, enable)
            .Add(new CreateCgroup(d.Leaf, LeafReason(d, i == 0 ? devicesNote : "")))
            .Then(LeafCpuset(d, request)).Then(placed.Filter(p => p.Dirs == d)
                .Map(p => (Step)new WriteCgroupFile($"{d.Leaf}/{p.Write.File}", p.Write.Value, p.Write.Reason))))
            .Aggregate(Seq<Step>(), (acc, s) => acc.Then(s));
        var join = dirs.Map(d => (Step)new JoinCgroup(d.Leaf,
            $"the init child enters its {Name(d.Hierarchy)} cgroup before anything of the container runs"));
        var leaves = dirs.Map(d => (Step)new RemoveCgroup(d.Leaf,
            "the container is gone: remove its cgroup (leftover processes killed first)"));
        var parents = dirs.Bind(d => d.Parents).ToArray()
            .Select((dir, order) => (dir, order)).OrderByDescending(x => x.dir.Count(ch => ch == '/')).ThenBy(x => x.order)
            .Select(x => (Step)new ReleaseCgroup(x.dir,
                "a parent of the container's cgroup: removed only if gomini created it and no other container uses it"))
            .ToSeq();
        return new CgroupPlan(setup, join, leaves.Then(parents));
    }

    private static string LeafReason(CgroupDirs d, string note)
    {
        var why = d.Absolute
            ? $"the container's {Name(d.Hierarchy)} cgroup: the absolute linux.cgroupsPath, placed below gomini's own cgroup {d.Hierarchy.OwnPath}"
            : $"the container's {Name(d.Hierarchy)} cgroup, below gomini's own cgroup {d.Hierarchy.OwnPath}";
        return note.Length == 0 ? why : $"{why}; note: {note}";
    }

    /// <summary>
    /// The parents, outermost first. What a new parent needs (v1 cpuset: CPUs and memory nodes copied from
    /// gomini's own cgroup; v2: the controllers enabled for its child) is written only if gomini creates it.
    /// </summary>
    private static Seq<Step> Parents(CgroupDirs d, Seq<string> enable) => d.Parents.Map(dir =>
    {
        var when = Seq<string>();
        if (IsCpuset(d))
            foreach (var file in Seq("cpuset.cpus", "cpuset.mems"))
                foreach (var v in d.Hierarchy.OwnValues.Find(file))
                    when = when.Add($"{file}={v}");
        if (d.Hierarchy.Unified && !enable.IsEmpty)
            when = when.Add("cgroup.subtree_control=" + string.Join(' ', enable.Map(c => "+" + c)));
        return (Step)new EnsureCgroup(dir, when.Strict(),
            "a parent of the container's cgroup, below gomini's own: created if missing (and then removed by the last "
            + "container to leave it), used as it is if it exists (e.g. shared with another container)");
    }).Strict();

    /// <summary>
    /// v2: the controllers the writes need. The first directory gomini creates gets them from gomini's own
    /// cgroup.subtree_control, which gomini must not change; each created parent enables them for its child.
    /// </summary>
    private static Seq<string> EnabledControllers(CgroupDirs d, Seq<CgroupWrite> writes, out Seq<PlanError> missing)
    {
        var needed = writes.Filter(w => w.Controller != "cgroup").Map(w => w.Controller).Distinct();
        missing = needed.Filter(c => !d.Hierarchy.Controllers.Contains(c)).Map(c =>
        {
            var w = writes.Find(x => x.Controller == c).IfNone(() => throw new InvalidOperationException());
            return new PlanError(w.Field, $"needs the {c} controller, but gomini's own cgroup {d.Hierarchy.OwnPath} does not enable it for "
                + "its children (cgroup.subtree_control) and gomini does not change cgroups it did not create");
        });
        return needed;
    }

    private static bool IsCpuset(CgroupDirs d) => !d.Hierarchy.Unified && d.Hierarchy.Controllers.Contains("cpuset");

    /// <summary>v1: a new cpuset cgroup starts with no CPUs and no memory nodes; a task cannot join it until both are set.</summary>
    private static Seq<Step> LeafCpuset(CgroupDirs d, ResourceRequest request)
    {
        if (!IsCpuset(d)) return Seq<Step>();
        var cpu = request.Resources.Cpu;
        Seq<Step> One(string file, string? wanted, string field) =>
            wanted is not null
                ? Seq1((Step)new WriteCgroupFile($"{d.Leaf}/{file}", wanted, request.Path(field)))
                : d.Hierarchy.OwnValues.Find(file).Map(v => (Step)new WriteCgroupFile($"{d.Leaf}/{file}", v,
                    $"copied from gomini's own cgroup: a new cpuset cgroup has none")).ToSeq();
        return One("cpuset.cpus", cpu?.Cpus, "cpu.cpus").Then(One("cpuset.mems", cpu?.Mems, "cpu.mems"));
    }

    private static string Name(CgroupHierarchy h) => h.Unified ? "cgroup2" : string.Join(",", h.Controllers);

    private static Validation<PlanError, CgroupPlan> NoCgroups(ResourceRequest request, Seq<PlanError> errors)
    {
        var flags = request.Flags.Values.Distinct().ToSeq().Map(f => new PlanError(f, "this host has no cgroups mounted, so the limit cannot be applied"));
        var r = request.Resources;
        var spec = r.Memory ?? r.Cpu ?? r.Pids ?? r.BlockIO ?? (object?)r.HugepageLimits ?? r.Unified;
        if (flags.IsEmpty && spec is not null)
            flags = Seq1(new PlanError("linux.resources", "this host has no cgroups mounted, so the limits cannot be applied"));
        errors = errors.Then(flags);
        return errors.IsEmpty ? CgroupPlan.Empty : Fail<PlanError, CgroupPlan>(errors);
    }
}
