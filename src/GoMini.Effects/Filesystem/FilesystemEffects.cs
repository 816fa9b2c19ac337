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
    public static void Apply(Step step, string rootfs) => throw new NotImplementedException();
}
