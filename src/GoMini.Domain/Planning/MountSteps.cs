using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>The steps of one entry of config.json's mounts: a mount, and the remount and propagation it may need.</summary>
public static class MountSteps
{
    public static Seq<Step> For(PlanInput input, MountSpec mount, string path, string rootfs)
    {
        var destination = Paths.Normalize(mount.Destination ?? "/");
        var options = MountOptions.Parse(mount.Options ?? []);
        var isBind = mount.Type == "bind" || options.Bind;
        Seq<Step> steps;
        if (isBind)
        {
            var source = Paths.FromBundle(input, mount.Source ?? "");
            var bindFlags = MountFlags.Bind | (options.Recursive ? MountFlags.Rec : 0);
            steps = Seq1<Step>(new MountFilesystem(source, destination, "bind", bindFlags, "", $"{path}: bind {source}"));
            // A bind mount ignores every other flag; they take effect only on a remount of the bind.
            if (options.Flags != 0)
                steps = steps.Add(new Remount(destination, MountFlags.Bind | options.Flags, $"{path}.options: a bind mount takes its flags on a remount"));
        }
        else if (mount.Type == "cgroup")
            steps = CgroupMount(input.Facts.Cgroups, destination, options, path);
        else
            steps = Seq1<Step>(new MountFilesystem(mount.Source ?? mount.Type ?? "none", destination, mount.Type ?? "", options.Flags, options.Data, path));

        if (options.Propagation != 0)
            steps = steps.Add(new SetMountPropagation(Paths.Normalize(rootfs + destination), options.Propagation, $"{path}.options: propagation"));
        return steps;
    }

    /// <summary>
    /// A "cgroup" mount shows the container its own cgroups. On cgroup v2 that is one cgroup2 mount;
    /// with v1 hierarchies it is a tmpfs holding one mount per hierarchy, as runc and crun lay it out.
    /// Inside a cgroup namespace each shows the container's cgroup as its root.
    /// </summary>
    private static Seq<Step> CgroupMount(CgroupFacts cgroups, string destination, MountOptions options, string path)
    {
        if (cgroups.Mode == CgroupMode.Unified)
            return Seq1<Step>(new MountFilesystem("cgroup2", destination, "cgroup2", options.Flags, "", path));
        var inner = options.Flags & ~MountFlags.ReadOnly;
        var steps = Seq1<Step>(new MountFilesystem("tmpfs", destination, "tmpfs", inner, "mode=755", $"{path}: a tmpfs to hold one mount per cgroup hierarchy"));
        foreach (var hierarchy in cgroups.Hierarchies)
        {
            var name = hierarchy.Mountpoint[(hierarchy.Mountpoint.LastIndexOf('/') + 1)..];
            if (hierarchy.Unified)
                steps = steps.Add(new MountFilesystem("cgroup2", $"{destination}/{name}", "cgroup2", options.Flags, "", $"{path}: the cgroup2 hierarchy"));
            else if (!hierarchy.Controllers.IsEmpty)
                steps = steps.Add(new MountFilesystem("cgroup", $"{destination}/{name}", "cgroup", options.Flags, string.Join(',', hierarchy.Controllers), $"{path}: the {name} hierarchy"));
        }
        if ((options.Flags & MountFlags.ReadOnly) != 0)
            steps = steps.Add(new Remount(destination, options.Flags, $"{path}.options: ro, once the hierarchies are mounted"));
        return steps;
    }
}
