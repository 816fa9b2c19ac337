using System.Runtime.InteropServices;

namespace GoMini.Effects.Lifecycle;

/// <summary>The few libc calls the lifecycle needs beyond GoMini.Effects.Native.Libc.</summary>
public static unsafe partial class LifecycleNative
{
    public const int LOCK_EX = 2, LOCK_UN = 8;
    public const int O_PATH = 0x200000, O_NONBLOCK = 0x800, O_DIRECTORY = 0x10000, O_CREAT = 0x40, O_EXCL = 0x80;
    public const int EEXIST = 17, EAGAIN = 11, ESRCH = 3, ENXIO = 6;
    public const int SHUT_RDWR = 2;

    [LibraryImport("libc", SetLastError = true)] public static partial int flock(int fd, int operation);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkfifo(string path, uint mode);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkdir(string path, uint mode);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chmod(string path, uint mode);
    [LibraryImport("libc", SetLastError = true)] public static partial int shutdown(int fd, int how);
    [LibraryImport("libc", SetLastError = true)] public static partial int fcntl(int fd, int command, int argument);
    [LibraryImport("libc", SetLastError = true)] public static partial int dup2(int fd, int newFd);

    public static int Errno => Marshal.GetLastPInvokeError();
}
