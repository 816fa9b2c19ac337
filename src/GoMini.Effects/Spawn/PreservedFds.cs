using System.Runtime.InteropServices;
using GoMini.Effects.Native;
using GoMini.Effects.State;

namespace GoMini.Effects.Spawn;

/// <summary>
/// --preserve-fds N (create, run, exec), as runc: the caller's fds 3..3+N-1 reach the container
/// process at the same numbers (systemd's LISTEN_FDS convention), every other fd above 2 is closed.
/// They cross posix_spawn by simply being inheritable; the init child's sync socket, which used to
/// sit at 3, moves to the first free number above them; the init child learns N from
/// GOMINI_PRESERVE_FDS and closes only from 3+N at exec.
/// </summary>
public static class PreservedFds
{
    public const string Variable = "GOMINI_PRESERVE_FDS";
    private const int F_GETFD = 1, FD_CLOEXEC = 1;

    /// <summary>
    /// In gomini before anything is spawned: each fd to pass must be open and inheritable. A
    /// close-on-exec fd in the range is one .NET opened for itself, so the caller did not pass it.
    /// </summary>
    public static void Check(int count, string flag = "--preserve-fds")
    {
        if (count < 0)
            throw new LifecycleException($"{flag}: must be 0 or more, not {count}");
        for (var fd = 3; fd < 3 + count; fd++)
        {
            var flags = Lifecycle.LifecycleNative.fcntl(fd, F_GETFD, 0);
            if (flags < 0 || (flags & FD_CLOEXEC) != 0)
                throw new LifecycleException($"{flag} {count}: fd {fd} was not passed to gomini (the caller must leave {(count == 1 ? "fd 3" : $"fds 3 to {2 + count}")} open for it)");
        }
    }

    /// <summary>
    /// The number the init child finds the sync socket at: 3 as before when nothing is preserved, else
    /// the first number above the preserved fds that gomini has not open at all (an inheritable fd
    /// there, e.g. the console socket, would be replaced in the child; a close-on-exec one may be the
    /// sealed binary the child is spawned from).
    /// </summary>
    public static int SyncFdNumber(int count)
    {
        if (count == 0) return InitSpawner.SyncFd;
        var fd = 3 + count;
        while (Lifecycle.LifecycleNative.fcntl(fd, F_GETFD, 0) >= 0) fd++;
        return fd;
    }

    /// <summary>In the init child: how many fds above 2 the container process keeps.</summary>
    public static int Count() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) && n > 0 ? n : 0;

    /// <summary>Before execve: every fd from 3+N up closes at exec (the sync socket among them).</summary>
    public static void CloseTheRestAtExec()
    {
        var first = (uint)(3 + Count());
        if (Libc.close_range(first, uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC) < 0)
            throw new SyscallException("close_range", $"{first}..", Marshal.GetLastPInvokeError());
    }
}
