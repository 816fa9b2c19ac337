using GoMini.Domain.Lifecycle;
using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// `create --console-socket PATH` of a terminal container: connects to PATH in the parent and leaves
/// the fd inheritable, so the init child finds it at the number in GOMINI_CONSOLE_FD. Disposing
/// closes gomini's copy (the child keeps its own until it has sent the master).
/// </summary>
public sealed class ConsoleSocket : IDisposable
{
    private readonly int fd;

    private ConsoleSocket(int fd)
    {
        this.fd = fd;
        Environment.SetEnvironmentVariable(ConsoleSetup.Variable, fd.ToString());
    }

    /// <summary>Null when the plan has no terminal (nothing to connect).</summary>
    public static ConsoleSocket? For(ContainerPlan plan, string? path)
    {
        if (!ConsolePlanner.WantsTerminal(plan)) return null;
        if (path is null)
            throw new State.LifecycleException("cannot allocate tty if gomini will detach without setting console socket");
        return new ConsoleSocket(TerminalNative.Connect(path, inheritable: true));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ConsoleSetup.Variable, null);
        Libc.close(fd);
    }
}
