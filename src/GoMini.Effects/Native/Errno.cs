using System.Runtime.InteropServices;

namespace GoMini.Effects.Native;

/// <summary>errno numbers to their names and libc's messages: `EPERM (Operation not permitted)`.</summary>
public static partial class Errno
{
    private static readonly string[] Names =
    [
        "0", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD",
        "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR",
        "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS",
        "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP",
    ];

    public static string Name(int errno) => errno >= 0 && errno < Names.Length ? Names[errno] : $"E{errno}";

    public static string Describe(int errno) => $"{Name(errno)} ({Message(errno)})";

    public static string Message(int errno) => Marshal.PtrToStringUTF8(StrError(errno)) ?? $"errno {errno}";

    [LibraryImport("libc", EntryPoint = "strerror")]
    private static partial nint StrError(int errnum);
}
