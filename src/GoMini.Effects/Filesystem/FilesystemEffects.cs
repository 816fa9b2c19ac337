using GoMini.Domain.Plan;

namespace GoMini.Effects.Filesystem;

/// <summary>
/// The filesystem steps of the init child: propagation, the rootfs bind, mounts, devices, links,
/// pivot_root/chroot, masked and read-only paths. Container paths are resolved inside the rootfs.
/// </summary>
public static class FilesystemEffects
{
    // CONTRACT (owned by the filesystem work): the init interpreter calls Apply for every step Handles accepts.
    public static bool Handles(Step step) => step is SetMountPropagation or BindRootfs or MountFilesystem or Remount
        or MakeDevice or MakeSymlink or PivotRoot or ChangeRoot or MaskPath or RemountReadonly;

    /// <summary>Runs one filesystem step; <paramref name="rootfs"/> is the absolute rootfs path (before pivot).</summary>
    public static void Apply(Step step, string rootfs)
    {
        // Container paths live under the rootfs until the root is switched, under / after it.
        var root = new ContainerRoot(RootSwitch.Done ? "/" : rootfs, RootSwitch.Done);
        switch (step)
        {
            case SetMountPropagation s: Mounts.SetPropagation(root, s.Target, s.Flags, rootfs); break;
            case BindRootfs: Mounts.BindRootfs(rootfs); break;
            case MountFilesystem s: Mounts.Mount(root, rootfs, s.Source, s.Destination, s.FsType, s.Flags, s.Data); break;
            case Remount s: Mounts.Remount(root, s.Destination, s.Flags); break;
            case MaskPath s: Mounts.Mask(root, s.Path); break;
            case RemountReadonly s: Mounts.MakeReadonly(root, s.Path); break;
            case MakeDevice s: Nodes.MakeDevice(root, s.Path, s.Kind, s.Major, s.Minor, s.Mode, s.Uid, s.Gid); break;
            case MakeSymlink s: Nodes.MakeSymlink(root, s.Target, s.LinkPath); break;
            case PivotRoot s: RootSwitch.Pivot(s.Rootfs); break;
            case ChangeRoot s: RootSwitch.ChangeRoot(s.Rootfs); break;
            default: throw new ArgumentException($"not a filesystem step: {step.GetType().Name}", nameof(step));
        }
    }
}
