using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;

namespace GoMini.App.Commands;

/// <summary>`gomini start ID`: release a created container's init to exec its process.</summary>
public static class StartCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container to start" };
        var command = new Command("start", "start the process of a created container");
        command.Arguments.Add(id);
        command.SetAction(result => Lifecycle.Guard(() => GoMini.Effects.Process.LifecycleHooks.Start(GlobalFlags.Store(result), result.GetValue(id)!)));
        return command;
    }
}
