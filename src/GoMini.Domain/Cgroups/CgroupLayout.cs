using GoMini.Domain.Host;
using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// The container's cgroup in one hierarchy: the parents between gomini's own cgroup and the leaf
/// (each may exist already, e.g. shared by containers: created only if missing), and the leaf, which
/// gomini always creates itself.
/// </summary>
public sealed record CgroupDirs(CgroupHierarchy Hierarchy, Seq<string> Parents, string Leaf, bool Absolute)
{
    /// <summary>Parents first, the leaf last.</summary>
    public Seq<string> All => Parents.Add(Leaf);
}

/// <summary>
/// Where the container's cgroups go: always below the cgroup gomini itself runs in (per controller on
/// v1), never elsewhere in the host's hierarchy. linux.cgroupsPath relative or missing: that path below
/// gomini's own cgroup, the leaf defaulting to the container id. Absolute (what podman and ctr pass,
/// /libpod_parent/libpod-ID, /default/ID): the same, read from gomini's own cgroup rather than from the
/// hierarchy's root; an absolute path already inside gomini's own cgroup is taken as it is. Missing
/// parents are created (and recorded, so that the last container to leave removes them); existing ones
/// are used but never written to.
/// </summary>
public static class CgroupLayout
{
    public const string PathField = "linux.cgroupsPath";

    public static Validation<PlanError, (bool Absolute, Seq<string> Parts)> ParsePath(string? cgroupsPath, string containerId)
    {
        var path = string.IsNullOrEmpty(cgroupsPath) ? containerId : cgroupsPath;
        var field = string.IsNullOrEmpty(cgroupsPath) ? "container id" : PathField;
        if (!path.StartsWith('/') && path.Split(':').Length == 3)
            return Fail<PlanError, (bool, Seq<string>)>(new PlanError(field,
                $"`{path}` is a systemd cgroup path (slice:prefix:name); gomini manages cgroupfs paths only, give a path such as /gomini/{containerId}"));
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToSeq();
        if (parts.IsEmpty)
            return Fail<PlanError, (bool, Seq<string>)>(new PlanError(field, "must name a cgroup below the root, not the root itself"));
        if (parts.Exists(p => p is "." or ".."))
            return Fail<PlanError, (bool, Seq<string>)>(new PlanError(field, $"`{path}` must not contain . or .. components"));
        return Success<PlanError, (bool, Seq<string>)>((path.StartsWith('/'), parts));
    }

    public static CgroupDirs For(CgroupHierarchy h, bool absolute, Seq<string> parts)
    {
        var root = h.Mountpoint.TrimEnd('/');
        var own = h.OwnPath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToSeq();
        // An absolute path that already names a cgroup below gomini's own: do not nest it twice.
        if (absolute && !own.IsEmpty && parts.Count > own.Count && parts.Take(own.Count).SequenceEqual(own))
            parts = parts.Skip(own.Count).ToSeq();
        var baseDir = own.IsEmpty ? root : $"{root}/{string.Join('/', own)}";
        var dirs = parts.Fold((Dir: baseDir, List: Seq<string>()), (acc, p) => ($"{acc.Dir}/{p}", acc.List.Add($"{acc.Dir}/{p}"))).List;
        return new CgroupDirs(h, dirs.Init, dirs.Last, absolute);
    }

    /// <summary>The hierarchies the container gets a cgroup in, for the host's mode.</summary>
    public static Seq<CgroupHierarchy> Hierarchies(CgroupFacts facts) => facts.Mode switch
    {
        CgroupMode.Unified => facts.Hierarchies.Filter(h => h.Unified).Take(1),
        // v1: every mounted controller hierarchy, so that freezer (pause), cpuacct (stats) and kill
        // work as with runc; hybrid: also the cgroup2 tree (no limits there, but freeze and kill).
        CgroupMode.Hybrid => facts.Hierarchies.Filter(h => !h.Unified && !h.IsNamedOnly).Then(facts.Hierarchies.Filter(h => h.Unified).Take(1)),
        CgroupMode.Legacy => facts.Hierarchies.Filter(h => !h.Unified && !h.IsNamedOnly),
        _ => Seq<CgroupHierarchy>(),
    };

    /// <summary>Whether the host offers <paramref name="file"/> in a new cgroup of <paramref name="h"/> (unknown counts as yes).</summary>
    public static bool HasFile(CgroupHierarchy h, string file)
    {
        if (h.Files.IsEmpty) return true;
        if (!h.Unified) return h.Files.Contains(file);
        var controller = file.Split('.')[0];
        if (controller == "cgroup") return true;
        // v2 shows a controller's files only where it is enabled: if none is shown, we cannot tell.
        // (pressure files and cpu.stat are core files, present without the controller).
        var shown = h.Files.Exists(f => f.StartsWith(controller + ".") && !f.EndsWith(".pressure") && f is not ("cpu.stat" or "cpu.stat.local"));
        return !shown || h.Files.Contains(file);
    }
}
