using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;

namespace GoMini.App.Commands;

/// <summary>`gomini delete [--force] ID`: remove a stopped or created container (any, with --force).</summary>
public static class DeleteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var force = new Option<bool>("--force", "-f") { Description = "kill it first if it runs; succeed if it is already gone" };
        var command = new Command("delete", "delete a container and everything gomini made for it");
        command.Arguments.Add(id);
        command.Options.Add(force);
        command.SetAction(result => Lifecycle.Guard(() =>
            GoMini.Effects.Process.LifecycleHooks.Delete(GlobalFlags.Store(result), result.GetValue(id)!, result.GetValue(force))));
        return command;
    }
}
