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
/// The init keeps the fifo open for writing (O_CLOEXEC) until its exec, so `start` also learns how the
/// release ended: EOF after the byte means the process exec'd; a line after it is the failure of a later
/// init step (a startContainer hook), which fails `start`.
/// </summary>
public static unsafe class ExecFifo
{
    public const string Variable = "GOMINI_EXEC_FIFO";
    private static int pathFd = -1;
    private static int writeFd = -1;

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
        writeFd = fd; // closed by the exec (O_CLOEXEC): `start` then reads EOF
        Libc.close(pathFd);
        pathFd = -1;
    }

    /// <summary>In the init child: a failure after the release goes to `start` through the fifo (if it is open).</summary>
    public static void ReportFailure(string line)
    {
        if (writeFd < 0) return;
        try { Libc.WriteAll(writeFd, Encoding.UTF8.GetBytes(line.ReplaceLineEndings(" ") + "\n"), "exec.fifo"); }
        catch (SyscallException) { /* `start` is gone: the sync channel's fallback still prints it */ }
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
            var failure = ReadUntilExec(fd, initAlive);
            if (failure.Length > 0)
            {
                File.Delete(path);
                throw new State.LifecycleException(failure);
            }
        }
        finally
        {
            Libc.close(fd);
        }
        File.Delete(path);
    }

    /// <summary>
    /// After the release byte: reads until EOF (every writer closed: the init exec'd, or died), returning
    /// what the init wrote, the line of a failed step, or "" once the process runs.
    /// </summary>
    private static string ReadUntilExec(int fd, Func<bool> initAlive)
    {
        var text = new List<byte>();
        var buffer = new byte[512];
        for (var round = 1; ; round++)
        {
            nint got;
            fixed (byte* b = buffer) got = Libc.read(fd, b, buffer.Length);
            if (got == 0) break;
            if (got > 0) { text.AddRange(buffer.AsSpan(0, (int)got)); continue; }
            if (LifecycleNative.Errno is not (LifecycleNative.EAGAIN or Libc.EINTR))
                throw new SyscallException("read", "exec.fifo", LifecycleNative.Errno);
            // A dead init closed its end (EOF); this only guards against a writer we do not know of.
            if (round % 1000 == 0 && !initAlive()) break;
            Thread.Sleep(1);
        }
        return Encoding.UTF8.GetString(text.ToArray()).Trim();
    }
}
