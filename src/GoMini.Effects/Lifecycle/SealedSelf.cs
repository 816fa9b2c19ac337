using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// CVE-2019-5736: a gomini process that runs inside a container's pid namespace (the init before
/// exec, an exec-init) must not expose the host's gomini binary through /proc/&lt;pid&gt;/exe, or a
/// container could reopen it for writing once gomini exits and overwrite it. As runc does, gomini
/// spawns those from a copy of itself in a memfd sealed against writes, shrinking and growing: their
/// /proc/&lt;pid&gt;/exe is that memfd, which nothing can write. Spawned as /proc/self/fd/N, which
/// also resolves inside a container's mount namespace, where the host path does not exist.
/// </summary>
public static unsafe class SealedSelf
{
    private static string? path;

    public static string Path()
    {
        if (path != null) return path;
        var self = Environment.ProcessPath ?? "/proc/self/exe";
        // Under the JIT (development: apphost or `dotnet gomini.dll`) the binary needs its assemblies
        // beside it, so a memfd copy cannot run; only the NativeAOT build (what ships) is sealed.
        if (System.IO.Path.GetFileName(self) == "dotnet" || File.Exists(System.IO.Path.ChangeExtension(self, ".dll"))) return path = self;
        var source = Libc.Check(Libc.open("/proc/self/exe", Libc.O_RDONLY | Libc.O_CLOEXEC, 0), "open", "/proc/self/exe");
        try
        {
            var memfd = LifecycleNative.memfd_create("gomini", LifecycleNative.MFD_CLOEXEC | LifecycleNative.MFD_ALLOW_SEALING);
            if (memfd < 0) throw new SyscallException("memfd_create", "gomini", LifecycleNative.Errno);
            // Until EOF: FileInfo("/proc/self/exe").Length would be the symlink's length, not the binary's.
            long offset = 0;
            while (true)
            {
                var sent = LifecycleNative.sendfile(memfd, source, &offset, 1 << 30);
                if (sent < 0) throw new SyscallException("sendfile", "memfd:gomini", LifecycleNative.Errno);
                if (sent == 0) break;
            }
            const int seals = LifecycleNative.F_SEAL_SEAL | LifecycleNative.F_SEAL_SHRINK | LifecycleNative.F_SEAL_GROW | LifecycleNative.F_SEAL_WRITE;
            if (LifecycleNative.fcntl(memfd, LifecycleNative.F_ADD_SEALS, seals) < 0)
                throw new SyscallException("fcntl", "F_ADD_SEALS memfd:gomini", LifecycleNative.Errno);
            return path = $"/proc/self/fd/{memfd}";
        }
        finally
        {
            Libc.close(source);
        }
    }
}
