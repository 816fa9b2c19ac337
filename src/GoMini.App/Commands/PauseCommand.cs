using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;

namespace GoMini.App.Commands;

/// <summary>`gomini pause ID`: freeze every process of the container (cgroup freezer).</summary>
public static class PauseCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var command = new Command("pause", "suspend every process of a container");
        command.Arguments.Add(id);
        command.SetAction(result => Lifecycle.Guard(() => Operations.Pause(GlobalFlags.Store(result), result.GetValue(id)!)));
        return command;
    }
}
