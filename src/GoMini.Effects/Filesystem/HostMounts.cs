using GoMini.Effects.Native;

namespace GoMini.Effects.Filesystem;

/// <summary>
/// Before a chroot (no pivot_root), the host's mounts would stay in the container's mount table.
/// Detach every one that is neither the rootfs (or below it) nor one of its ancestors, as runc's
/// msMoveRoot does. Only ever in a mount namespace of our own: the guard checks it first.
/// </summary>
internal static class HostMounts
{
    public static void DetachOutside(string rootfs)
    {
        RefuseInHostNamespace();
        var root = rootfs.TrimEnd('/');
        var points = MountPoints()
            .Where(point => point != "/" && !IsSameOrBelow(point, root) && !IsSameOrBelow(root, point))
            .Distinct()
            .OrderByDescending(point => point.Length) // children before their parents
            .ToList(); // read all of mountinfo before /proc itself goes
        foreach (var point in points)
            Libc.Umount2(point, Libc.MntDetach); // best effort: a mount already gone with its parent is fine
    }

    /// <summary>
    /// pivot_root and MS_MOVE refuse a rootfs whose parent mount is shared (rootfsPropagation
    /// "shared"): make that one mount private, as runc does.
    /// </summary>
    public static void MakeParentPrivate(string rootfs)
    {
        var parent = Path.GetDirectoryName(rootfs.TrimEnd('/')) ?? "/";
        var point = MountPoints()
            .Where(p => p == "/" || IsSameOrBelow(parent, p))
            .OrderByDescending(p => p.Length)
            .FirstOrDefault() ?? "/";
        if (Libc.Mount(null, point, null, GoMini.Domain.Linux.MountFlags.Private, null) != 0)
            throw new SyscallException("mount", point, System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
    }

    private static IEnumerable<string> MountPoints() => File.ReadAllLines("/proc/self/mountinfo")
        .Select(line => line.Split(' '))
        .Where(fields => fields.Length > 4)
        .Select(fields => Unescape(fields[4]));

    private static void RefuseInHostNamespace()
    {
        var own = new FileInfo("/proc/self/ns/mnt").LinkTarget;
        var host = new FileInfo("/proc/1/ns/mnt").LinkTarget;
        if (own is null || own == host) throw new SyscallException("umount2", "/ (not a private mount namespace)", ErrnoCode.EINVAL);
    }

    private static bool IsSameOrBelow(string path, string ancestor) =>
        path == ancestor || ancestor.Length == 0 || path.StartsWith(ancestor + "/", StringComparison.Ordinal);

    /// <summary>mountinfo escapes space, tab, newline and backslash as \ooo.</summary>
    private static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");
}
