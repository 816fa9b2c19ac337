using System.Runtime.InteropServices;
using GoMini.Domain.Linux;
using GoMini.Effects.Native;

namespace GoMini.Effects.Filesystem;

/// <summary>Device nodes and symlinks, made with the *at calls on the resolved parent directory.</summary>
internal static class Nodes
{
    public static void MakeDevice(ContainerRoot root, string containerPath, char kind, long major, long minor,
        uint mode, uint uid, uint gid)
    {
        using var rootFd = root.Open();
        var (parent, name) = RootedPath.EnsureParent(rootFd, containerPath);
        using (parent)
        {
            var shown = RootedPath.Normalize(containerPath);
            var permissions = mode & 0xfff; // 07777
            if (Libc.Mknodat(parent.Fd, name, FileType(kind) | permissions, Makedev(major, minor)) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == ErrnoCode.EEXIST) return; // the rootfs brings its own node (runc keeps it too)
                if (errno != ErrnoCode.EPERM || kind == 'p') throw new SyscallException("mknod", shown, errno);
                // Not allowed to make devices (a user namespace): bind the host's node, as runc does.
                BindHostDevice(root, rootFd, shown);
                return;
            }
            // mknod honours the umask; the configured mode and owner are set exactly.
            if (Libc.Fchmodat(parent.Fd, name, permissions, 0) != 0)
                throw new SyscallException("chmod", shown, Marshal.GetLastPInvokeError());
            if (Libc.Fchownat(parent.Fd, name, uid, gid, Libc.AtSymlinkNoFollow) != 0)
                throw new SyscallException("chown", shown, Marshal.GetLastPInvokeError());
        }
    }

    public static void MakeSymlink(ContainerRoot root, string target, string linkPath)
    {
        using var rootFd = root.Open();
        var (parent, name) = RootedPath.EnsureParent(rootFd, linkPath);
        using (parent)
        {
            if (Libc.Symlinkat(target, parent.Fd, name) == 0) return;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != ErrnoCode.EEXIST) throw new SyscallException("symlink", RootedPath.Normalize(linkPath), errno);
        }
    }

    private static void BindHostDevice(ContainerRoot root, RootedPath rootFd, string containerPath)
    {
        using var point = RootedPath.EnsureFile(rootFd, containerPath);
        if (Libc.Mount(containerPath, root.MountTarget(point), null, MountFlags.Bind, null) != 0)
            throw new SyscallException("mount", containerPath, Marshal.GetLastPInvokeError());
    }

    private static uint FileType(char kind) => kind switch
    {
        'c' or 'u' => 0x2000, // S_IFCHR
        'b' => 0x6000,        // S_IFBLK
        'p' => 0x1000,        // S_IFIFO
        _ => throw new SyscallException("mknod", $"type {kind}", ErrnoCode.EINVAL),
    };

    /// <summary>glibc's makedev: the 12+20-bit major and 20+12-bit minor spread over 64 bits.</summary>
    private static ulong Makedev(long major, long minor)
    {
        var ma = (ulong)major;
        var mi = (ulong)minor;
        return ((ma & 0xfffff000UL) << 32) | ((ma & 0xfffUL) << 8) | ((mi & 0xffffff00UL) << 12) | (mi & 0xffUL);
    }
}
