using System.Runtime.InteropServices;
using GoMini.Domain.Linux;
using GoMini.Effects.Native;

namespace GoMini.Effects.Filesystem;

/// <summary>The mount(2) steps. Every target is resolved inside the container root first.</summary>
internal static class Mounts
{
    /// <summary>"/" before the root switch is the whole mount namespace (e.g. MS_REC|MS_PRIVATE first).</summary>
    public static void SetPropagation(ContainerRoot root, string target, ulong flags, string rootfs)
    {
        if (!root.Switched && RootedPath.Normalize(target) == "/")
        {
            Call(null, "/", null, flags, null, "/");
            return;
        }
        // A target named by its host path under the rootfs is that container path, resolved safely.
        var prefix = rootfs.TrimEnd('/');
        if (target == prefix || target.StartsWith(prefix + "/", StringComparison.Ordinal))
            target = RootedPath.Normalize(target[prefix.Length..]);
        using var rootFd = root.Open();
        using var path = RootedPath.Open(rootFd, target, "mount");
        Call(null, root.MountTarget(path), null, flags, null, path.Path);
    }

    /// <summary>The rootfs bound onto itself: pivot_root needs a mount point, and MS_MOVE too.</summary>
    public static void BindRootfs(string rootfs) =>
        Call(rootfs, rootfs, null, MountFlags.Bind | MountFlags.Rec, null, rootfs);

    public static void Mount(ContainerRoot root, string rootfs, string source, string destination, string fsType, ulong flags, string data)
    {
        // The kernel only changes propagation when a propagation bit is set, ignoring the rest:
        // mount first, then apply the propagation to the new mount.
        var propagation = flags & MountFlags.PropagationMask;
        var mountFlags = flags & ~MountFlags.PropagationMask;
        // type "bind" with no bind option is still a bind (runc reads it so too).
        if (fsType == "bind") mountFlags |= MountFlags.Bind;
        var isBind = (mountFlags & MountFlags.Bind) != 0;

        using var rootFd = root.Open();
        if (isBind && !File.Exists(source) && !Directory.Exists(source))
            throw new SyscallException("stat", source, ErrnoCode.ENOENT);
        var fileMountPoint = isBind && !Directory.Exists(source);
        using (var point = fileMountPoint ? RootedPath.EnsureFile(rootFd, destination) : RootedPath.EnsureDirectory(rootFd, destination))
            Call(source, root.MountTarget(point), fsType.Length == 0 || isBind ? null : fsType, mountFlags,
                data.Length == 0 ? null : data, point.Path);

        if (propagation != 0)
            SetPropagation(root, destination, propagation | (flags & MountFlags.Rec), rootfs);
    }

    /// <summary>MS_REMOUNT of the mount now on top of the destination (resolved again: it is a new mount).</summary>
    public static void Remount(ContainerRoot root, string destination, ulong flags)
    {
        using var rootFd = root.Open();
        using var path = RootedPath.Open(rootFd, destination, "mount");
        var target = root.MountTarget(path);
        flags |= MountFlags.Remount;
        if (Libc.Mount(null, target, null, flags, null) == 0) return;
        var errno = Marshal.GetLastPInvokeError();
        // In a user namespace the kernel refuses to drop locked flags: keep them and try again.
        if (errno == ErrnoCode.EPERM && (flags & MountFlags.Bind) != 0)
            Call(null, target, null, flags | path.LockedMountFlags(), null, path.Path);
        else
            throw new SyscallException("mount", path.Path, errno);
    }

    /// <summary>A masked path reads empty: /dev/null over a file, an empty read-only tmpfs over a directory.</summary>
    public static void Mask(ContainerRoot root, string containerPath)
    {
        using var rootFd = root.Open();
        using var path = RootedPath.TryOpen(rootFd, containerPath, out var errno);
        if (path is null)
        {
            if (errno is ErrnoCode.ENOENT or ErrnoCode.ENOTDIR) return; // nothing to hide (runc skips too)
            throw new SyscallException("open", RootedPath.Normalize(containerPath), errno);
        }
        if (path.IsDirectory())
            Call("tmpfs", root.MountTarget(path), "tmpfs", MountFlags.ReadOnly, null, path.Path);
        else
            Call("/dev/null", root.MountTarget(path), null, MountFlags.Bind, null, path.Path);
    }

    /// <summary>Binds a path onto itself, then remounts that bind read-only, keeping its locked flags.</summary>
    public static void MakeReadonly(ContainerRoot root, string containerPath)
    {
        using var rootFd = root.Open();
        var isRoot = RootedPath.Normalize(containerPath) == "/";
        if (!isRoot)
        {
            using var path = RootedPath.TryOpen(rootFd, containerPath, out var errno);
            if (path is null)
            {
                if (errno is ErrnoCode.ENOENT or ErrnoCode.ENOTDIR) return;
                throw new SyscallException("open", RootedPath.Normalize(containerPath), errno);
            }
            var target = root.MountTarget(path);
            Call(target, target, null, MountFlags.Bind | MountFlags.Rec, null, path.Path);
        }
        // The root is already a bind mount (the rootfs bind); anything else is resolved again
        // so that the remount reaches the bind just made, not the mount below it.
        using var bound = RootedPath.Open(rootFd, containerPath, "mount");
        Call(null, root.MountTarget(bound), null,
            MountFlags.Bind | MountFlags.Remount | MountFlags.ReadOnly | bound.LockedMountFlags(), null, bound.Path);
    }

    private static void Call(string? source, string target, string? fsType, ulong flags, string? data, string shownPath)
    {
        if (Libc.Mount(source, target, fsType, flags, data) != 0)
            throw new SyscallException("mount", shownPath, Marshal.GetLastPInvokeError());
    }
}
