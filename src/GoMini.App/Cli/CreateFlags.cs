using System.CommandLine;

namespace GoMini.App.Cli;

/// <summary>runc's flags of create and run beyond the seed's run flags.</summary>
public sealed class CreateFlags
{
    public Option<string?> PidFile { get; } = new("--pid-file") { Description = "write the init's host pid to this file" };
    public Option<string?> ConsoleSocket { get; } = new("--console-socket") { Description = "a unix socket that receives the pty master of a terminal container" };
    public Option<bool> NoNewKeyring { get; } = new("--no-new-keyring") { Description = "accepted for runc compatibility: gomini never creates a session keyring" };
    public Option<int> PreserveFds { get; } = new("--preserve-fds") { Description = "pass the caller's fds 3..3+N-1 to the container process" };
    public Option<bool> Detach { get; } = new("--detach", "-d") { Description = "run: return once started instead of waiting" };

    public void AddTo(Command command, bool run)
    {
        foreach (var option in new Option[] { PidFile, ConsoleSocket, NoNewKeyring, PreserveFds })
            command.Options.Add(option);
        if (run) command.Options.Add(Detach);
    }
}
