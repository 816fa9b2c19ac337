using System.Runtime.InteropServices;
using GoMini.Domain.Linux;
using GoMini.Effects.Native;

namespace GoMini.Effects.Filesystem;

/// <summary>Making the rootfs the process's `/`: pivot_root (the old root detached) or MS_MOVE + chroot.</summary>
internal static class RootSwitch
{
    /// <summary>True once the root is switched: container paths are then resolved under `/`.</summary>
    public static bool Done { get; private set; }

    /// <summary>
    /// runc's way, with no put_old directory: pivot_root(".", ".") stacks the old root on top of
    /// the new one; from inside it, make it a slave (so the detach never reaches the host) and
    /// detach it. pivot_root is impossible on an initramfs (EINVAL): fall back to chroot then.
    /// </summary>
    public static void Pivot(string rootfs)
    {
        HostMounts.MakeParentPrivate(rootfs);
        using var oldRoot = OpenDirectory("/");
        using var newRoot = OpenDirectory(rootfs);
        ChangeDirectory(newRoot, rootfs);
        if (Libc.PivotRoot(".", ".") != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != ErrnoCode.EINVAL) throw new SyscallException("pivot_root", rootfs, errno);
            ChangeRoot(rootfs);
            return;
        }
        Done = true;
        ChangeDirectory(oldRoot, "/");
        if (Libc.Mount(null, ".", null, MountFlags.Slave | MountFlags.Rec, null) != 0)
            throw new SyscallException("mount", "/", Marshal.GetLastPInvokeError());
        if (Libc.Umount2(".", Libc.MntDetach) != 0)
            throw new SyscallException("umount2", "/", Marshal.GetLastPInvokeError());
        using var root = OpenDirectory("/");
        ChangeDirectory(root, "/");
    }

    /// <summary>
    /// The no-pivot way (runc --no-pivot): detach the host's mounts this namespace can drop,
    /// move the rootfs onto `/`, chroot into it.
    /// </summary>
    public static void ChangeRoot(string rootfs)
    {
        // Parent first: detaching the host's mounts takes /proc (and its mountinfo) away.
        HostMounts.MakeParentPrivate(rootfs);
        HostMounts.DetachOutside(rootfs);
        using var newRoot = OpenDirectory(rootfs);
        ChangeDirectory(newRoot, rootfs);
        if (Libc.Mount(rootfs, "/", null, MountFlags.Move, null) != 0)
            throw new SyscallException("mount", rootfs, Marshal.GetLastPInvokeError());
        if (Libc.Chroot(".") != 0)
            throw new SyscallException("chroot", rootfs, Marshal.GetLastPInvokeError());
        Done = true;
        using var root = OpenDirectory("/");
        ChangeDirectory(root, "/");
    }

    private static RootedPath OpenDirectory(string path) => RootedPath.OpenRoot(path);

    private static void ChangeDirectory(RootedPath directory, string shown)
    {
        if (Libc.Fchdir(directory.Fd) != 0)
            throw new SyscallException("chdir", shown, Marshal.GetLastPInvokeError());
    }
}
