using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Domain.Options;
using GoMini.Effects;

namespace GoMini.App.Commands;

/// <summary>`gomini run`: plan the container, start it, wait for it, and exit with its status.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var flags = new RunFlags();
        var command = new Command("run", "create and start a container from a bundle, wait for it, and exit with its status");
        flags.AddTo(command);
        command.SetAction(result =>
        {
            var raw = flags.Read(result, LaunchMode.Run);
            return PlanLoader.Load(result.GetValue(flags.Bundle)!, raw).Match(
                Succ: plan =>
                {
                    using var terminal = Effects.Lifecycle.TerminalRelay.For(plan);
                    return ContainerRunner.Run(plan, new RunSettings(raw.Verbose));
                },
                Fail: PlanLoader.Report);
        });
        return command;
    }
}
