using System.Runtime.InteropServices;

namespace GoMini.Effects.Native;

/// <summary>
/// The libc calls of the interpreter (process, namespaces, credentials). Every binding sets errno
/// (read with <see cref="Marshal.GetLastPInvokeError"/>); <see cref="Check"/> turns -1 into a
/// <see cref="SyscallException"/>. The filesystem calls live in Libc.Filesystem.cs.
/// </summary>
public static unsafe partial class Libc
{
    public const int CLONE_FS = 0x200, CLONE_NEWTIME = 0x80, CLONE_NEWNS = 0x20000, CLONE_NEWCGROUP = 0x02000000,
        CLONE_NEWUTS = 0x04000000, CLONE_NEWIPC = 0x08000000, CLONE_NEWUSER = 0x10000000,
        CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000;

    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CLOEXEC = 0x80000, O_TRUNC = 0x200;
    public const int EPERM = 1, EINTR = 4, ECHILD = 10, ENOENT = 2, EACCES = 13, ENOTDIR = 20, EPIPE = 32;
    public const int SIGKILL = 9, SIGPIPE = 13, SIGTERM = 15;
    public const int WNOHANG = 1;

    public const int PR_SET_KEEPCAPS = 8, PR_CAPBSET_DROP = 24, PR_SET_NO_NEW_PRIVS = 38,
        PR_CAP_AMBIENT = 47, PR_CAP_AMBIENT_RAISE = 2, PR_SET_PDEATHSIG = 1;

    public const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    public const int AF_UNIX = 1, AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_CLOEXEC = 0x80000;
    public const uint CLOSE_RANGE_CLOEXEC = 4;

    /// <summary>-1 (or any negative result) becomes a SyscallException with the current errno.</summary>
    public static int Check(int result, string syscall, string path)
    {
        if (result < 0)
            throw new SyscallException(syscall, path, Marshal.GetLastPInvokeError());
        return result;
    }

    // namespaces
    [LibraryImport("libc", SetLastError = true)] public static partial int unshare(int flags);
    [LibraryImport("libc", SetLastError = true)] public static partial int setns(int fd, int nstype);

    // files and fds
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, uint mode);
    [LibraryImport("libc", SetLastError = true)] public static partial int close(int fd);
    [LibraryImport("libc", SetLastError = true)] public static partial nint read(int fd, byte* buffer, nint count);
    [LibraryImport("libc", SetLastError = true)] public static partial nint write(int fd, byte* buffer, nint count);
    [LibraryImport("libc", SetLastError = true)] public static partial int close_range(uint first, uint last, uint flags);
    [LibraryImport("libc", SetLastError = true)] public static partial int socketpair(int domain, int type, int protocol, int* fds);
    [LibraryImport("libc", SetLastError = true)] public static partial int socket(int domain, int type, int protocol);
    [LibraryImport("libc", SetLastError = true)] public static partial int ioctl(int fd, ulong request, void* argument);
    [LibraryImport("libc", SetLastError = true)] public static partial int pipe2(int* fds, int flags);

    // processes
    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);
    [LibraryImport("libc")] public static partial int posix_spawn_file_actions_init(void* actions);
    [LibraryImport("libc")] public static partial int posix_spawn_file_actions_destroy(void* actions);
    [LibraryImport("libc")] public static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);
    [LibraryImport("libc")] public static partial int posix_spawnattr_init(void* attributes);
    [LibraryImport("libc")] public static partial int posix_spawnattr_destroy(void* attributes);
    [LibraryImport("libc")] public static partial int posix_spawnattr_setflags(void* attributes, short flags);
    [LibraryImport("libc")] public static partial int posix_spawnattr_setsigmask(void* attributes, void* sigset);
    [LibraryImport("libc")] public static partial int posix_spawnattr_setsigdefault(void* attributes, void* sigset);
    [LibraryImport("libc", SetLastError = true)] public static partial int sigemptyset(void* set);
    [LibraryImport("libc", SetLastError = true)] public static partial int sigfillset(void* set);
    [LibraryImport("libc", SetLastError = true)] public static partial int sigprocmask(int how, void* set, void* oldSet);
    [LibraryImport("libc", SetLastError = true)] public static partial nint signal(int signum, nint handler);
    [LibraryImport("libc", SetLastError = true)] public static partial int execve(byte* path, byte** argv, byte** envp);
    [LibraryImport("libc", SetLastError = true)] public static partial int waitpid(int pid, int* status, int options);
    [LibraryImport("libc", SetLastError = true)] public static partial int kill(int pid, int signal);
    [LibraryImport("libc", SetLastError = true)] public static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
    [LibraryImport("libc", SetLastError = true)] public static partial int personality(ulong persona);

    // credentials and limits
    [LibraryImport("libc", SetLastError = true)] public static partial int setrlimit(int resource, ulong* limit);
    [LibraryImport("libc", SetLastError = true)] public static partial int capset(CapHeader* header, CapData* data);
    [LibraryImport("libc", SetLastError = true)] public static partial uint umask(uint mask);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chdir(string path);
    [LibraryImport("libc", SetLastError = true)] public static partial int sethostname(byte* name, nint length);
    [LibraryImport("libc", SetLastError = true)] public static partial int setdomainname(byte* name, nint length);

    [StructLayout(LayoutKind.Sequential)]
    public struct CapHeader { public uint Version; public int Pid; }

    [StructLayout(LayoutKind.Sequential)]
    public struct CapData { public uint Effective; public uint Permitted; public uint Inheritable; }

    public const uint LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    /// <summary>waitpid that retries on EINTR; returns the raw status.</summary>
    public static int WaitFor(int pid)
    {
        int status;
        while (waitpid(pid, &status, 0) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR)
                throw new SyscallException("waitpid", pid.ToString(), errno);
        }
        return status;
    }

    /// <summary>The shell's convention: the exit code, or 128+N when killed by signal N.</summary>
    public static int ExitStatus(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    /// <summary>Writes all of <paramref name="data"/>, retrying short writes and EINTR.</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data, string what)
    {
        fixed (byte* start = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = write(fd, start + done, data.Length - done);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR) continue;
                    throw new SyscallException("write", what, errno);
                }
                done += (int)n;
            }
        }
    }

    /// <summary>Reads into <paramref name="buffer"/> until full or EOF; returns how much was read.</summary>
    public static int ReadFull(int fd, Span<byte> buffer, string what)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = read(fd, start + done, buffer.Length - done);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR) continue;
                    throw new SyscallException("read", what, errno);
                }
                if (n == 0) break;
                done += (int)n;
            }
            return done;
        }
    }

    /// <summary>open + write + close of a small control file (/proc/sys/..., oom_score_adj).</summary>
    public static void WriteFile(string path, string value)
    {
        var fd = Check(open(path, O_WRONLY | O_CLOEXEC | O_TRUNC, 0), "open", path);
        try { WriteAll(fd, System.Text.Encoding.UTF8.GetBytes(value), path); }
        finally { close(fd); }
    }
}
