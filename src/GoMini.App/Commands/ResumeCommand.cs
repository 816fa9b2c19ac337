using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;

namespace GoMini.App.Commands;

/// <summary>`gomini resume ID`: thaw a paused container.</summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var command = new Command("resume", "resume every process of a paused container");
        command.Arguments.Add(id);
        command.SetAction(result => Lifecycle.Guard(() => Operations.Resume(GlobalFlags.Store(result), result.GetValue(id)!)));
        return command;
    }
}
