namespace GoMini.Domain.Linux;

/// <summary>mount(2) flags (linux/mount.h), so plans carry the exact numbers the kernel gets.</summary>
public static class MountFlags
{
    public const ulong ReadOnly = 0x1;        // MS_RDONLY
    public const ulong NoSuid = 0x2;          // MS_NOSUID
    public const ulong NoDev = 0x4;           // MS_NODEV
    public const ulong NoExec = 0x8;          // MS_NOEXEC
    public const ulong Synchronous = 0x10;    // MS_SYNCHRONOUS
    public const ulong Remount = 0x20;        // MS_REMOUNT
    public const ulong Mandlock = 0x40;       // MS_MANDLOCK
    public const ulong DirSync = 0x80;        // MS_DIRSYNC
    public const ulong NoSymFollow = 0x100;   // MS_NOSYMFOLLOW
    public const ulong NoAtime = 0x400;       // MS_NOATIME
    public const ulong NoDirAtime = 0x800;    // MS_NODIRATIME
    public const ulong Bind = 0x1000;         // MS_BIND
    public const ulong Move = 0x2000;         // MS_MOVE
    public const ulong Rec = 0x4000;          // MS_REC
    public const ulong Silent = 0x8000;       // MS_SILENT
    public const ulong Unbindable = 0x20000;  // MS_UNBINDABLE
    public const ulong Private = 0x40000;     // MS_PRIVATE
    public const ulong Slave = 0x80000;       // MS_SLAVE
    public const ulong Shared = 0x100000;     // MS_SHARED
    public const ulong RelAtime = 0x200000;   // MS_RELATIME
    public const ulong StrictAtime = 0x1000000; // MS_STRICTATIME
    public const ulong LazyTime = 0x2000000;  // MS_LAZYTIME

    public const ulong PropagationMask = Unbindable | Private | Slave | Shared;

    /// <summary>Names the set bits, e.g. "MS_BIND|MS_REC", for explain and errors.</summary>
    public static string Describe(ulong flags)
    {
        if (flags == 0) return "0";
        var names = new List<string>();
        foreach (var (bit, name) in Names)
            if ((flags & bit) != 0) names.Add(name);
        return string.Join("|", names);
    }

    private static readonly (ulong Bit, string Name)[] Names =
    [
        (ReadOnly, "MS_RDONLY"), (NoSuid, "MS_NOSUID"), (NoDev, "MS_NODEV"), (NoExec, "MS_NOEXEC"),
        (Synchronous, "MS_SYNCHRONOUS"), (Remount, "MS_REMOUNT"), (Mandlock, "MS_MANDLOCK"), (DirSync, "MS_DIRSYNC"),
        (NoSymFollow, "MS_NOSYMFOLLOW"), (NoAtime, "MS_NOATIME"), (NoDirAtime, "MS_NODIRATIME"), (Bind, "MS_BIND"),
        (Move, "MS_MOVE"), (Rec, "MS_REC"), (Silent, "MS_SILENT"), (Unbindable, "MS_UNBINDABLE"),
        (Private, "MS_PRIVATE"), (Slave, "MS_SLAVE"), (Shared, "MS_SHARED"), (RelAtime, "MS_RELATIME"),
        (StrictAtime, "MS_STRICTATIME"), (LazyTime, "MS_LAZYTIME"),
    ];
}
