using System.Text;
using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// runc's exec fifo, which holds a created container's init between `create` and `start`.
/// `create` makes &lt;state&gt;/exec.fifo and tells the init child its path (GOMINI_EXEC_FIFO). The child
/// opens it O_PATH at once (the host path is unreachable after pivot_root), and at its WaitForStart
/// step tells the parent it is ready (shutting down the sync socket: EOF) and then opens
/// /proc/self/fd/N for writing, which blocks until `start` opens the fifo for reading. `start` reads
/// the byte and removes the fifo; from then on the container counts as running.
/// </summary>
public static unsafe class ExecFifo
{
    public const string Variable = "GOMINI_EXEC_FIFO";
    private static int pathFd = -1;

    public static void Make(string path)
    {
        // 0622 like runc's: the init opens it for writing after it may have become a non-root user.
        if (LifecycleNative.mkfifo(path, 0b110_010_010) < 0)
            throw new SyscallException("mkfifo", path, LifecycleNative.Errno);
        if (LifecycleNative.chmod(path, 0b110_010_010) < 0)
            throw new SyscallException("chmod", path, LifecycleNative.Errno);
    }

    /// <summary>In the init child, before any step: keep a handle on the fifo that survives pivot_root.</summary>
    public static void OpenEarly()
    {
        // JIT builds (development) cannot load a type after pivot_root: initialise the tables the
        // process steps use while the host's files are still reachable. A no-op cost under NativeAOT.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Domain.Linux.Rlimits).TypeHandle);
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Domain.Linux.Capabilities).TypeHandle);
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path)) return;
        pathFd = Libc.Check(Libc.open(path, LifecycleNative.O_PATH | Libc.O_CLOEXEC, 0), "open", path);
    }

    /// <summary>The init child's WaitForStart step.</summary>
    public static void WaitForStart(int syncFd)
    {
        if (pathFd < 0)
            throw new InvalidOperationException("no exec fifo: WaitForStart belongs to `gomini create`");
        // EOF on the sync socket: `create` may now record the container and exit.
        LifecycleNative.shutdown(syncFd, LifecycleNative.SHUT_RDWR);
        var path = $"/proc/self/fd/{pathFd}";
        int fd;
        while ((fd = Libc.open(path, Libc.O_WRONLY | Libc.O_CLOEXEC, 0)) < 0)
            if (LifecycleNative.Errno != Libc.EINTR)
                throw new SyscallException("open", "exec.fifo", LifecycleNative.Errno);
        var zero = Encoding.ASCII.GetBytes("0");
        Libc.WriteAll(fd, zero, "exec.fifo");
        Libc.close(fd);
        Libc.close(pathFd);
        pathFd = -1;
    }

    /// <summary>`start`: releases the waiting init. Fails if the init died before it could be released.</summary>
    public static void Release(string path, Func<bool> initAlive)
    {
        var fd = Libc.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC | LifecycleNative.O_NONBLOCK, 0);
        if (fd < 0)
            throw new State.LifecycleException(LifecycleNative.Errno == Libc.ENOENT
                ? "cannot start an already running container" : $"open exec.fifo: {Errno.Describe(LifecycleNative.Errno)}");
        try
        {
            var buffer = new byte[1];
            for (var round = 0; ; round++)
            {
                nint got;
                fixed (byte* b = buffer) got = Libc.read(fd, b, 1);
                if (got == 1) break;
                if (round % 100 == 0 && !initAlive())
                    throw new State.LifecycleException("cannot start a container that has stopped");
                if (round > 100_000)
                    throw new State.LifecycleException("the container's init did not open the exec fifo within 100 s");
                Thread.Sleep(1);
            }
        }
        finally
        {
            Libc.close(fd);
        }
        File.Delete(path);
    }
}
