namespace GoMini.App.Cli;

/// <summary>
/// The words after the first `--`: the command to run. Split off before parsing so that a
/// positional container id (runc's `run ID`) and the seed's `-- cmd args` never get mixed up.
/// </summary>
public static class CommandTail
{
    public static IReadOnlyList<string> Args { get; private set; } = [];

    public static string[] Split(string[] args)
    {
        var at = Array.IndexOf(args, "--");
        if (at < 0) return args;
        Args = args[(at + 1)..];
        return args[..at];
    }
}
