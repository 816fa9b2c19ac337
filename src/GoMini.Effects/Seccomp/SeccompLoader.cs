using System.Runtime.InteropServices;
using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Seccomp;

/// <summary>
/// Installs a compiled filter with seccomp(2); the last thing before execve. The kernel accepts it
/// only with no_new_privs set or CAP_SYS_ADMIN (the planner orders PR_SET_NO_NEW_PRIVS first).
/// The filter binds the calling thread (all threads with SECCOMP_FILTER_FLAG_TSYNC) and survives execve.
/// </summary>
public static partial class SeccompLoader
{
    private const int SeccompSetModeFilter = 1;

    /// <summary>glibc has no seccomp() wrapper everywhere; the raw number per ABI.</summary>
    private static long SeccompSyscallNumber => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 317,
        Architecture.Arm64 => 277,
        var other => throw new PlatformNotSupportedException($"seccomp: no syscall number for {other}"),
    };

    // CONTRACT (owned by the seccomp work): throws SyscallException on failure.
    public static unsafe void Load(LoadSeccompFilter step)
    {
        var bytes = Convert.FromBase64String(step.Program);
        if (bytes.Length == 0 || bytes.Length % 8 != 0 || bytes.Length / 8 > ushort.MaxValue)
            throw new ArgumentException($"seccomp: a program of {bytes.Length} bytes is not a list of 8-byte instructions");

        // struct sock_fprog { unsigned short len; struct sock_filter *filter; } in native memory,
        // pointing at the instructions, themselves copied out of the managed heap.
        var filter = NativeMemory.Alloc((nuint)bytes.Length);
        var prog = (SockFprog*)NativeMemory.AllocZeroed((nuint)sizeof(SockFprog));
        try
        {
            bytes.AsSpan().CopyTo(new Span<byte>(filter, bytes.Length));
            prog->Len = (ushort)(bytes.Length / 8);
            prog->Filter = (nint)filter;
            var rc = Syscall(SeccompSyscallNumber, SeccompSetModeFilter, step.Flags, (nint)prog);
            if (rc < 0) throw new SyscallException("seccomp", "linux.seccomp", Marshal.GetLastPInvokeError());
            // With SECCOMP_FILTER_FLAG_TSYNC a positive result is the id of a thread that could not be synced.
            if (rc > 0) throw new SyscallException("seccomp", "linux.seccomp", Esrch);
        }
        finally
        {
            NativeMemory.Free(prog);
            NativeMemory.Free(filter);
        }
    }

    private const int Esrch = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog
    {
        public ushort Len;
        public nint Filter;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, long operation, long flags, nint args);
}
