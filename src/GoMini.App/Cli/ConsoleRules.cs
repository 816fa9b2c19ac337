using GoMini.Effects.State;

namespace GoMini.App.Cli;

/// <summary>
/// runc's two rules for a terminal and --console-socket, for create, run -d and exec: the master needs a
/// pty to exist (a socket with no terminal would wait for a master that never comes), and a detached
/// process with a terminal needs a socket (nobody else would hold the master).
/// </summary>
public static class ConsoleRules
{
    /// <param name="noTerminal">where the terminal would have come from, named in the error</param>
    public static void Check(bool terminal, string? consoleSocket, bool detached, string noTerminal)
    {
        if (terminal && consoleSocket is null && detached)
            throw new LifecycleException("cannot allocate tty if gomini will detach without setting console socket");
        if (!terminal && consoleSocket is not null)
            throw new LifecycleException($"--console-socket: there is no terminal to send ({noTerminal})");
    }
}
