using GoMini.Domain.Linux;

namespace GoMini.Effects.Filesystem;

/// <summary>
/// statfs(2) f_flags (ST_*) to mount(2) flags (MS_*). A read-only remount must repeat the flags
/// a mount already has: in a user namespace the kernel refuses to drop locked ones (EPERM).
/// </summary>
internal static class StatfsFlags
{
    private static readonly (ulong St, ulong Ms)[] Map =
    [
        (0x2, MountFlags.NoSuid),        // ST_NOSUID
        (0x4, MountFlags.NoDev),         // ST_NODEV
        (0x8, MountFlags.NoExec),        // ST_NOEXEC
        (0x400, MountFlags.NoAtime),     // ST_NOATIME
        (0x800, MountFlags.NoDirAtime),  // ST_NODIRATIME
        (0x1000, MountFlags.RelAtime),   // ST_RELATIME
        (0x2000, MountFlags.NoSymFollow),// ST_NOSYMFOLLOW
    ];

    public static ulong ToMountFlags(ulong statfsFlags)
    {
        ulong flags = 0;
        foreach (var (st, ms) in Map)
            if ((statfsFlags & st) != 0) flags |= ms;
        return flags;
    }
}
