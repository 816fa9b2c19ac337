using GoMini.Domain.Host;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Effects.Cgroups;

/// <summary>Reads the host's cgroup mode and gomini's own cgroups (/proc/self/mountinfo, /proc/self/cgroup).</summary>
public static class CgroupFactsReader
{
    public static CgroupFacts Read()
    {
        var mountinfo = CgroupEffects.ReadOrNull("/proc/self/mountinfo") ?? "";
        var cgroup = CgroupEffects.ReadOrNull("/proc/self/cgroup") ?? "";
        var facts = Parse(mountinfo, cgroup);
        return facts with { Hierarchies = facts.Hierarchies.Map(Observe) };
    }

    /// <summary>The mode and hierarchies, from the two files' text alone (no file system access).</summary>
    public static CgroupFacts Parse(string mountinfo, string procSelfCgroup)
    {
        var own = procSelfCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 3)).Where(p => p.Length == 3)
            .Select(p => (Controllers: p[1], Path: p[2])).ToArray();
        var hierarchies = Seq<CgroupHierarchy>();
        foreach (var mount in Mounts(mountinfo))
        {
            if (mount.FsType == "cgroup2")
            {
                if (hierarchies.Exists(h => h.Unified)) continue;
                var path = own.FirstOrDefault(o => o.Controllers == "").Path;
                if (path is null) continue;
                hierarchies = hierarchies.Add(new CgroupHierarchy(mount.Mountpoint, Seq<string>(), Relative(path, mount.Root), true));
            }
            else if (mount.FsType == "cgroup")
            {
                var controllers = mount.SuperOptions.Where(o => V1Controllers.Contains(o) || o.StartsWith("name=")).ToSeq();
                if (controllers.IsEmpty || hierarchies.Exists(h => !h.Unified && h.Controllers.ToHashSet().SetEquals(controllers))) continue;
                var path = own.FirstOrDefault(o => o.Controllers.Split(',').ToHashSet().SetEquals(controllers)).Path;
                if (path is null) continue;
                hierarchies = hierarchies.Add(new CgroupHierarchy(mount.Mountpoint, controllers, Relative(path, mount.Root), false));
            }
        }
        var v1 = hierarchies.Exists(h => !h.Unified && !h.IsNamedOnly);
        var v2 = hierarchies.Find(h => h.Unified);
        var mode = v1 ? (v2.IsSome ? CgroupMode.Hybrid : CgroupMode.Legacy)
            : v2.IsSome ? CgroupMode.Unified : CgroupMode.None;
        return new CgroupFacts(mode, hierarchies);
    }

    /// <summary>What only the cgroup file system tells: v2's enabled controllers, the files offered, cpuset values.</summary>
    private static CgroupHierarchy Observe(CgroupHierarchy h)
    {
        var dir = h.OwnPath == "/" ? h.Mountpoint : h.Mountpoint.TrimEnd('/') + h.OwnPath;
        // A root cgroup lacks files its children have (pids.max, memory.max): there, a child's files tell.
        var sample = h.OwnPath != "/" ? dir : Directory.Exists(dir) ? Directory.EnumerateDirectories(dir).FirstOrDefault() : null;
        var files = sample is not null && Directory.Exists(sample)
            ? Directory.EnumerateFiles(sample).Select(f => Path.GetFileName(f)).Order().ToSeq()
            : Seq<string>();
        if (h.Unified)
        {
            var enabled = (CgroupEffects.ReadOrNull(Path.Combine(dir, "cgroup.subtree_control")) ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToSeq();
            return h with { Controllers = enabled, Files = files };
        }
        var values = HashMap<string, string>();
        if (h.Controllers.Contains("cpuset"))
            foreach (var f in new[] { "cpuset.cpus", "cpuset.mems" })
                if (CgroupEffects.ReadOrNull(Path.Combine(dir, f))?.Trim() is { Length: > 0 } v) values = values.Add(f, v);
        return h with { Files = files, OwnValues = values };
    }

    private static readonly System.Collections.Generic.HashSet<string> V1Controllers =
    [
        "cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "net_cls", "net_prio", "blkio",
        "perf_event", "hugetlb", "pids", "rdma", "misc",
    ];

    /// <summary>/proc/self/cgroup is relative to the hierarchy's root; a mount of a sub-tree (mountinfo root) cuts it.</summary>
    private static string Relative(string path, string mountRoot)
    {
        if (mountRoot == "/" || mountRoot.Length == 0) return path;
        if (path == mountRoot) return "/";
        return path.StartsWith(mountRoot + "/") ? path[mountRoot.Length..] : path;
    }

    private sealed record Mount(string Root, string Mountpoint, string FsType, string[] SuperOptions);

    private static IEnumerable<Mount> Mounts(string mountinfo)
    {
        foreach (var line in mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = line.IndexOf(" - ", StringComparison.Ordinal);
            if (dash < 0) continue;
            var left = line[..dash].Split(' ');
            var right = line[(dash + 3)..].Split(' ');
            if (left.Length < 5 || right.Length < 3) continue;
            yield return new Mount(Unescape(left[3]), Unescape(left[4]), right[0], right[2].Split(','));
        }
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as \ooo octal.</summary>
    private static string Unescape(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\\([0-7]{3})",
        m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
}
