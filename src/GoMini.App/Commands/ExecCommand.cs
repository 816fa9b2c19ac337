using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Domain.Exec;
using GoMini.Domain.Lifecycle;
using GoMini.Domain.Spec;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.Spawn;
using GoMini.Effects.State;
using static LanguageExt.Prelude;

namespace GoMini.App.Commands;

/// <summary>
/// `gomini exec [flags] ID COMMAND [ARGS...]` or `gomini exec --process FILE ID`: run a new process
/// inside a running container (its namespaces and cgroups), with runc's flags. Waits for the process
/// and exits with its status, or with --detach returns once it runs.
/// </summary>
public static class ExecCommand
{
    private static readonly Option<string?> ProcessFile = new("--process", "-p") { Description = "a runtime-spec Process JSON file; the other process flags are then ignored" };
    private static readonly Option<bool> Tty = new("--tty", "-t") { Description = "allocate a pseudo-terminal" };
    private static readonly Option<string?> ConsoleSocket = new("--console-socket") { Description = "a unix socket that receives the pty master" };
    private static readonly Option<string?> Cwd = new("--cwd") { Description = "the working directory inside the container" };
    private static readonly Option<string[]> Env = new("--env", "-e") { Description = "KEY=VALUE to set (repeatable)", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> User = new("--user", "-u") { Description = "uid[:gid] to run as" };
    private static readonly Option<string[]> AdditionalGids = new("--additional-gids", "-g") { Description = "an additional group id (repeatable)" };
    private static readonly Option<string[]> Cap = new("--cap", "-c") { Description = "a capability to add (repeatable)" };
    private static readonly Option<bool> NoNewPrivs = new("--no-new-privs") { Description = "set no_new_privs for the process" };
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "return once the process runs" };
    private static readonly Option<string?> PidFile = new("--pid-file") { Description = "write the process' host pid to this file" };
    private static readonly Option<int> PreserveFds = new("--preserve-fds") { Description = "pass the caller's fds 3..3+N-1 to the process" };
    private static readonly Option<string?> ProcessLabel = new("--process-label") { Description = "accepted for runc compatibility; SELinux is not supported (ignored)" };
    private static readonly Option<string?> Apparmor = new("--apparmor") { Description = "accepted for runc compatibility; AppArmor is not supported (ignored)" };
    private static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "print each step as it runs, with its duration" };

    /// <summary>Options that take a value, so <see cref="Split"/> can find the container id among them.</summary>
    private static readonly System.Collections.Generic.HashSet<string> ValueOptions =
    [
        "--process", "-p", "--console-socket", "--cwd", "--env", "-e", "--user", "-u", "--additional-gids", "-g", "--cap", "-c",
        "--pid-file", "--preserve-fds", "--process-label", "--apparmor", "--root", "--log", "--log-format", "--criu",
    ];

    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the running container" };
        var command = new Command("exec", "run a new process inside a running container");
        command.Arguments.Add(id);
        foreach (var option in new Option[] { ProcessFile, Tty, ConsoleSocket, Cwd, Env, User, AdditionalGids, Cap, NoNewPrivs, Detach, PidFile, PreserveFds, ProcessLabel, Apparmor, Verbose })
            command.Options.Add(option);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var preserveFds = result.GetValue(PreserveFds);
            PreservedFds.Check(preserveFds);
            if (result.GetValue(ProcessLabel) is not null || result.GetValue(Apparmor) is not null)
                Console.Error.WriteLine("gomini: warning: --process-label and --apparmor are ignored (gomini supports neither SELinux nor AppArmor)");
            var options = Read(result, result.GetValue(id)!);
            var tty = options.ProcessFile.Match(p => p.Terminal == true, () => options.Tty);
            var consolePath = result.GetValue(ConsoleSocket);
            ConsoleRules.Check(tty, consolePath, options.Detach, "add --tty, or \"terminal\": true in --process");
            return ContainerExecutor.Plan(GlobalFlags.Store(result), options).Map(plan => ConsolePlanner.WithSocket(plan, consolePath)).Match(
                Succ: plan =>
                {
                    // The exec-init makes the pty; its master goes to --console-socket (conmon), or else to
                    // gomini, which relays it to its own terminal as `run` does.
                    using var console = consolePath is null ? null : Effects.Lifecycle.ConsoleSocket.For(plan, consolePath);
                    using var relay = consolePath is null ? TerminalRelay.For(plan) : null;
                    return ContainerExecutor.Run(plan, result.GetValue(Verbose), result.GetValue(PidFile), preserveFds);
                },
                Fail: PlanLoader.Report);
        }));
        return command;
    }

    private static ExecOptions Read(ParseResult result, string id) => new()
    {
        ContainerId = id,
        ProcessFile = Optional(result.GetValue(ProcessFile)).Map(ReadProcessFile),
        Args = toSeq(CommandTail.Args).Strict(),
        Tty = result.GetValue(Tty),
        Cwd = Optional(result.GetValue(Cwd)),
        Env = toSeq(result.GetValue(Env) ?? []).Strict(),
        User = Optional(result.GetValue(User)),
        AdditionalGids = toSeq(result.GetValue(AdditionalGids) ?? []).Strict(),
        Caps = toSeq(result.GetValue(Cap) ?? []).Strict(),
        NoNewPrivileges = result.GetValue(NoNewPrivs),
        Detach = result.GetValue(Detach),
    };

    private static ProcessSpec ReadProcessFile(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new LifecycleException($"--process {path}: {e.Message}"); }
        return ProcessFileReader.Parse(json, path).Match(p => p, errors => throw new LifecycleException(errors.Head.ToString()));
    }

    /// <summary>
    /// runc stops reading flags at the container id: `exec ID sh -c X` runs `sh -c X`, whose `-c` is
    /// not --cap. Marks that point with `--` (which <see cref="CommandTail"/> then splits off) unless
    /// the command line has a `--` already.
    /// </summary>
    public static string[] Split(string[] args)
    {
        if (System.Array.IndexOf(args, "--") >= 0) return args;
        var at = 0;
        // Global flags come before the command.
        for (; at < args.Length && args[at] != "exec"; at++)
            if (!args[at].StartsWith('-')) return args;
            else if (ValueOptions.Contains(args[at])) at++;
        for (at++; at < args.Length; at++)
        {
            if (args[at].StartsWith('-'))
            {
                if (ValueOptions.Contains(args[at])) at++;
                continue;
            }
            return at + 1 < args.Length ? [.. args[..(at + 1)], "--", .. args[(at + 1)..]] : args;
        }
        return args;
    }
}
