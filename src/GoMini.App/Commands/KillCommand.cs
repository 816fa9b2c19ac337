using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Domain.Lifecycle;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>`gomini kill ID [SIGNAL]`: signal the init (or with --all every process of the container).</summary>
public static class KillCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var signal = new Argument<string>("signal") { Description = "a number or a name, with or without SIG (default SIGTERM)", DefaultValueFactory = _ => "SIGTERM" };
        var all = new Option<bool>("--all", "-a") { Description = "signal every process of the container" };
        var command = new Command("kill", "send a signal to a container's init process");
        command.Arguments.Add(id);
        command.Arguments.Add(signal);
        command.Options.Add(all);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var text = result.GetValue(signal)!;
            var number = Signals.Parse(text).IfNone(() => throw new LifecycleException($"unknown signal \"{text}\""));
            Operations.Kill(GlobalFlags.Store(result), result.GetValue(id)!, number, result.GetValue(all));
        }));
        return command;
    }
}
