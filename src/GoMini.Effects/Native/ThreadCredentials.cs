using System.Runtime.InteropServices;

namespace GoMini.Effects.Native;

/// <summary>
/// setgroups, setresgid and setresuid as raw system calls, changing only the calling thread.
/// glibc's wrappers apply the change to every thread of the process (POSIX semantics): they signal
/// each .NET runtime thread with SIGRT_1 and wait until all have switched, which cost the init child
/// 3–10 ms per start here. Only the thread that will execve needs the credentials: execve leaves the
/// process with that thread alone, so the container process starts with exactly these ids.
/// </summary>
public static unsafe partial class ThreadCredentials
{
    private static bool IsX64 => RuntimeInformation.ProcessArchitecture == Architecture.X64;

    public static int SetGroups(ReadOnlySpan<uint> gids)
    {
        fixed (uint* list = gids)
            return (int)Syscall(IsX64 ? 116 : 159, gids.Length, (nint)list, 0);
    }

    public static int SetResGid(uint gid) => (int)Syscall(IsX64 ? 119 : 149, (nint)gid, (nint)gid, (nint)gid);

    public static int SetResUid(uint uid) => (int)Syscall(IsX64 ? 117 : 147, (nint)uid, (nint)uid, (nint)uid);

    // Only integer arguments: the non-variadic declaration of syscall(2) is safe on x86_64 and aarch64.
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, nint a, nint b, nint c);
}
