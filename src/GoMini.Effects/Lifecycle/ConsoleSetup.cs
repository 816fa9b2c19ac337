using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// The init child's SetupConsole step. The parent connected the console socket (a host path, which
/// the child could no longer reach after pivot_root, and whose connect errors are best reported by
/// create itself, as runc does) and left it open across posix_spawn; its number is in
/// GOMINI_CONSOLE_FD. Here, after pivot_root: a pty from the container's /dev/ptmx, the master sent
/// to the socket, the slave made stdio and controlling terminal.
/// </summary>
public static unsafe class ConsoleSetup
{
    public const string Variable = "GOMINI_CONSOLE_FD";

    public static void Run(SetupConsole step)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(Variable), out var socket))
            throw new InvalidOperationException("process.terminal needs a console socket (--console-socket), and none was passed");
        var master = Libc.Check(Libc.open("/dev/ptmx", Libc.O_RDWR | TerminalNative.O_NOCTTY | Libc.O_CLOEXEC, 0), "open", "/dev/ptmx");
        int unlock = 0;
        Libc.Check(Libc.ioctl(master, TerminalNative.TIOCSPTLCK, &unlock), "ioctl", "TIOCSPTLCK");
        uint number;
        Libc.Check(Libc.ioctl(master, TerminalNative.TIOCGPTN, &number), "ioctl", "TIOCGPTN");
        var slavePath = $"/dev/pts/{number}";
        var slave = Libc.Check(Libc.open(slavePath, Libc.O_RDWR | TerminalNative.O_NOCTTY, 0), "open", slavePath);
        if (step.Height > 0 && step.Width > 0)
            TerminalNative.SetSize(master, step.Height, step.Width);
        TerminalNative.SendFd(socket, master, "/dev/ptmx");
        Libc.close(master);
        Libc.close(socket);

        // A new session, so that the slave can become its controlling terminal.
        Libc.Check(TerminalNative.setsid(), "setsid", "");
        Libc.Check(Libc.ioctl(slave, TerminalNative.TIOCSCTTY, null), "ioctl", "TIOCSCTTY");
        for (var fd = 0; fd <= 2; fd++)
            Libc.Check(LifecycleNative.dup2(slave, fd), "dup2", slavePath);
        if (slave > 2) Libc.close(slave);
    }
}
