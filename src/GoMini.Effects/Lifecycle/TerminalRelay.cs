using System.Runtime.InteropServices;
using GoMini.Domain.Lifecycle;
using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// `gomini run` of a terminal container without --console-socket: gomini is its own console socket.
/// A socketpair stands in for the socket (the child's end inherited at GOMINI_CONSOLE_FD); a thread
/// receives the pty master, puts gomini's terminal in raw mode, and relays stdin to the master and
/// the master to stdout; SIGWINCH copies gomini's window size to the pty. Disposing (after the
/// container exited) drains the output and restores the terminal.
/// </summary>
public sealed unsafe class TerminalRelay : IDisposable
{
    private readonly int ours, theirs;
    private readonly Thread receiver;
    private Thread? output;
    private volatile int master = -1;
    private byte[]? savedTermios;
    private PosixSignalRegistration? resize;

    private TerminalRelay()
    {
        int* pair = stackalloc int[2];
        Libc.Check(Libc.socketpair(Libc.AF_UNIX, Libc.SOCK_STREAM, 0, pair), "socketpair", "console");
        ours = pair[0];
        theirs = pair[1];
        // Only the child's end may cross posix_spawn.
        LifecycleNative.fcntl(ours, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */);
        Environment.SetEnvironmentVariable(ConsoleSetup.Variable, theirs.ToString());
        receiver = new Thread(Receive) { IsBackground = true, Name = "console receiver" };
        receiver.Start();
    }

    /// <summary>Null when the plan has no terminal.</summary>
    public static TerminalRelay? For(ContainerPlan plan) => ConsolePlanner.WantsTerminal(plan) ? new TerminalRelay() : null;

    private void Receive()
    {
        int fd;
        try { fd = TerminalNative.ReceiveFd(ours); }
        catch (SyscallException) { return; }
        if (fd < 0) return;
        if (TerminalNative.isatty(0) == 1)
        {
            var termios = new byte[64];
            fixed (byte* t = termios)
            {
                if (TerminalNative.tcgetattr(0, t) == 0)
                {
                    savedTermios = (byte[])termios.Clone();
                    TerminalNative.cfmakeraw(t);
                    TerminalNative.tcsetattr(0, 0 /* TCSANOW */, t);
                }
            }
            CopySize(fd);
#pragma warning disable CA1416 // gomini runs on Linux only, where SIGWINCH exists
            resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => CopySize(master));
#pragma warning restore CA1416
        }
        master = fd;
        new Thread(() => Pump(0, fd)) { IsBackground = true, Name = "console stdin" }.Start();
        output = new Thread(() => Pump(fd, 1)) { IsBackground = true, Name = "console stdout" };
        output.Start();
    }

    private static void CopySize(int pty)
    {
        if (pty >= 0 && TerminalNative.TryGetSize(0, out var size))
            Libc.ioctl(pty, TerminalNative.TIOCSWINSZ, &size);
    }

    /// <summary>Copies until EOF or an error (EIO on the master: every slave holder has gone).</summary>
    private static void Pump(int from, int to)
    {
        var buffer = new byte[16384];
        fixed (byte* b = buffer)
        {
            while (true)
            {
                var n = Libc.read(from, b, buffer.Length);
                if (n < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                if (n <= 0) return;
                try { Libc.WriteAll(to, new ReadOnlySpan<byte>(b, (int)n), "console"); }
                catch (SyscallException) { return; }
            }
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ConsoleSetup.Variable, null);
        // With the child gone, our end sees EOF unless the master already came.
        Libc.close(theirs);
        receiver.Join(TimeSpan.FromSeconds(1));
        output?.Join(TimeSpan.FromSeconds(2));
        resize?.Dispose();
        if (savedTermios != null)
            fixed (byte* t = savedTermios)
                TerminalNative.tcsetattr(0, 0, t);
        Libc.close(ours);
    }
}
