namespace GoMini.Effects.Filesystem;

/// <summary>
/// Where container paths are resolved: the rootfs on the host before pivot_root/chroot, `/` after.
/// <see cref="Switched"/> says which: after the switch /proc may be missing (no proc mount),
/// and the plain path is then safe to give mount(2), since `/` is the container's own.
/// </summary>
internal sealed record ContainerRoot(string Directory, bool Switched)
{
    public RootedPath Open() => RootedPath.OpenRoot(Directory);

    /// <summary>What mount(2) is given for a resolved path.</summary>
    public string MountTarget(RootedPath path) =>
        !Switched || System.IO.Directory.Exists("/proc/self/fd") ? path.MountTarget : path.Path;
}
