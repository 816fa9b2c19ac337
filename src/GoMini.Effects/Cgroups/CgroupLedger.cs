using System.Security.Cryptography;
using System.Text;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.Native;

namespace GoMini.Effects.Cgroups;

/// <summary>
/// Which parent cgroups gomini created, host-wide: one file per directory in <see cref="Directory"/>
/// (named by the SHA-256 of its path, holding the path), under an exclusive flock of that directory.
/// A parent may be shared (cgroupsPath parent/a and parent/b) and outlive the container that made it,
/// so this is not a container's state: whichever container leaves a recorded parent last removes it;
/// a parent that is not recorded (someone else made it) is never written to or removed.
/// Host-wide rather than per --root, because cgroups are host-wide.
/// </summary>
public sealed class CgroupLedger : IDisposable
{
    public const string Directory = "/run/gomini-cgroups";
    private int fd;

    private CgroupLedger(int fd) => this.fd = fd;

    /// <summary>Takes the ledger's lock; held until disposed.</summary>
    public static CgroupLedger Lock()
    {
        if (LifecycleNative.mkdir(Directory, 0b111_000_000) < 0 && LifecycleNative.Errno != LifecycleNative.EEXIST)
            throw new SyscallException("mkdir", Directory, LifecycleNative.Errno);
        return new CgroupLedger(DirectoryLock.Take(Directory));
    }

    public void Record(string cgroup) => File.WriteAllText(EntryOf(cgroup), cgroup);

    public bool Records(string cgroup) => File.Exists(EntryOf(cgroup));

    public void Forget(string cgroup) => File.Delete(EntryOf(cgroup));

    private static string EntryOf(string cgroup) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cgroup))));

    public void Dispose()
    {
        if (fd < 0) return;
        Libc.close(fd); // closing the last fd of the open file releases the flock
        fd = -1;
    }
}
