using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Domain.Lifecycle;
using GoMini.Domain.Options;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>
/// `gomini run [ID]`: plan the container, start it, wait for it, and exit with its status. Like runc,
/// the container has state under --root while it runs (`state`, `list`, `kill`, `exec` see it) and
/// loses it when it ends. Without an id it is `gomini-&lt;pid of gomini&gt;`, so that two runs never
/// clash. With --detach it is create + start: gomini returns once the process runs.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var flags = new RunFlags();
        var extra = new CreateFlags();
        var command = new Command("run", "create and start a container from a bundle, wait for it, and exit with its status");
        flags.AddTo(command);
        extra.AddTo(command, run: true);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            GlobalFlags.RejectSystemd(result);
            var detach = result.GetValue(extra.Detach);
            var raw = flags.Read(result, detach ? LaunchMode.Create : LaunchMode.Run, $"gomini-{Environment.ProcessId}");
            var bundle = result.GetValue(flags.Bundle)!;
            var preserveFds = result.GetValue(extra.PreserveFds);
            Effects.Spawn.PreservedFds.Check(preserveFds);
            if (detach)
                CreateCommand.CheckUnsupported(result, extra, bundle);
            var store = GlobalFlags.Store(result);
            var settings = new CreateSettings(raw.Verbose, result.GetValue(extra.PidFile), CreateCommand.Annotations(bundle), "1.0.2", preserveFds);
            var consolePath = result.GetValue(extra.ConsoleSocket);
            return PlanLoader.Load(bundle, raw).Map(plan => ConsolePlanner.WithSocket(plan, consolePath)).Match(
                Succ: plan =>
                {
                    // terminal: true: the pty master goes to --console-socket if given (as for create), else
                    // (not detached) to gomini, which relays it to its own terminal.
                    using var console = consolePath is null ? null : ConsoleSocket.For(plan, consolePath);
                    if (!detach)
                    {
                        using var terminal = consolePath is null ? TerminalRelay.For(plan) : null;
                        return TrackedRun.Run(plan, store, settings);
                    }
                    var created = ContainerCreator.Create(plan, store, settings);
                    if (created != 0) return created;
                    Effects.Process.LifecycleHooks.Start(store, plan.ContainerId);
                    return 0;
                },
                Fail: PlanLoader.Report);
        }));
        return command;
    }
}
