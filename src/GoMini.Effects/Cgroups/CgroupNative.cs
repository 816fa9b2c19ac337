using System.Runtime.InteropServices;

namespace GoMini.Effects.Cgroups;

/// <summary>The few libc calls cgroup work needs, with errno (cgroupfs reports its refusals that way).</summary>
internal static partial class CgroupNative
{
    public const int O_WRONLY = 0x1, O_CLOEXEC = 0x80000;
    public const int EINTR = 4, ENOENT = 2, ESRCH = 3, EBUSY = 16, EEXIST = 17, ENOTEMPTY = 39, ETIMEDOUT = 110;
    public const int SIGKILL = 9;

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mkdir(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "rmdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rmdir(string path);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    public static int Errno => Marshal.GetLastPInvokeError();
}
