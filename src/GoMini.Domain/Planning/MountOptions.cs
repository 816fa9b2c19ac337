using GoMini.Domain.Linux;
using LanguageExt;

namespace GoMini.Domain.Planning;

/// <summary>
/// The OCI/fstab mount options of one mount, split the way mount(2) wants them: flags to set,
/// propagation, bind/rbind, and the rest as the filesystem's data string (mode=, size=…).
/// </summary>
public sealed record MountOptions(ulong Flags, ulong ClearedFlags, ulong Propagation, bool Bind, bool Recursive, string Data, Seq<string> Unknown)
{
    // Options that set a flag, and the "no" forms that clear it (rw clears ro…).
    private static readonly Dictionary<string, (ulong Set, ulong Clear)> FlagOptions = new()
    {
        ["ro"] = (MountFlags.ReadOnly, 0), ["rw"] = (0, MountFlags.ReadOnly),
        ["nosuid"] = (MountFlags.NoSuid, 0), ["suid"] = (0, MountFlags.NoSuid),
        ["nodev"] = (MountFlags.NoDev, 0), ["dev"] = (0, MountFlags.NoDev),
        ["noexec"] = (MountFlags.NoExec, 0), ["exec"] = (0, MountFlags.NoExec),
        ["sync"] = (MountFlags.Synchronous, 0), ["async"] = (0, MountFlags.Synchronous),
        ["dirsync"] = (MountFlags.DirSync, 0), ["mand"] = (MountFlags.Mandlock, 0), ["nomand"] = (0, MountFlags.Mandlock),
        ["noatime"] = (MountFlags.NoAtime, 0), ["atime"] = (0, MountFlags.NoAtime),
        ["nodiratime"] = (MountFlags.NoDirAtime, 0), ["diratime"] = (0, MountFlags.NoDirAtime),
        ["relatime"] = (MountFlags.RelAtime, 0), ["norelatime"] = (0, MountFlags.RelAtime),
        ["strictatime"] = (MountFlags.StrictAtime, 0), ["nostrictatime"] = (0, MountFlags.StrictAtime),
        ["lazytime"] = (MountFlags.LazyTime, 0), ["nolazytime"] = (0, MountFlags.LazyTime),
        ["nosymfollow"] = (MountFlags.NoSymFollow, 0), ["symfollow"] = (0, MountFlags.NoSymFollow),
        ["defaults"] = (0, 0),
    };

    private static readonly Dictionary<string, ulong> PropagationOptions = new()
    {
        ["private"] = MountFlags.Private, ["rprivate"] = MountFlags.Private | MountFlags.Rec,
        ["shared"] = MountFlags.Shared, ["rshared"] = MountFlags.Shared | MountFlags.Rec,
        ["slave"] = MountFlags.Slave, ["rslave"] = MountFlags.Slave | MountFlags.Rec,
        ["unbindable"] = MountFlags.Unbindable, ["runbindable"] = MountFlags.Unbindable | MountFlags.Rec,
    };

    // Options runc accepts and ignores (handled elsewhere or meaningless to the kernel).
    private static readonly System.Collections.Generic.HashSet<string> Ignored = ["tmpcopyup", "idmap", "ridmap", "notmpcopyup", "copy-symlink", "z", "Z", "U"];

    public static MountOptions Parse(IEnumerable<string> options)
    {
        ulong flags = 0, cleared = 0, propagation = 0;
        bool bind = false, recursive = false;
        var data = new List<string>();
        var unknown = new List<string>();
        foreach (var option in options)
        {
            if (FlagOptions.TryGetValue(option, out var f)) { flags = (flags | f.Set) & ~f.Clear; cleared = (cleared | f.Clear) & ~f.Set; }
            else if (PropagationOptions.TryGetValue(option, out var p)) propagation = p;
            else if (option == "bind") bind = true;
            else if (option == "rbind") { bind = true; recursive = true; }
            else if (Ignored.Contains(option)) { }
            else if (option.Contains('=') || IsFilesystemWord(option)) data.Add(option);
            else unknown.Add(option);
        }
        return new MountOptions(flags, cleared, propagation, bind, recursive, string.Join(',', data), unknown.ToSeq().Strict());
    }

    // Filesystem-specific words without "=" that filesystems take as data (tmpfs, devpts, mqueue, cgroup…).
    private static bool IsFilesystemWord(string option) =>
        option is "newinstance" or "nr_inodes" or "huge" or "noswap" or "usrquota" or "grpquota" or "discard" or "nouuid"
            or "cpu" or "cpuacct" or "memory" or "pids" or "freezer" or "devices" or "blkio" or "cpuset" or "hugetlb"
            or "net_cls" or "net_prio" or "perf_event" or "rdma" or "misc" or "nsdelegate" or "memory_recursiveprot";
}
