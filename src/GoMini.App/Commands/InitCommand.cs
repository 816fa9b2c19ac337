using System.CommandLine;
using GoMini.Effects.Init;

namespace GoMini.App.Commands;

/// <summary>`gomini init`: the re-exec'd init child. Internal; gomini starts it, never a user.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "internal: the container's init child") { Hidden = true };
        command.SetAction(_ => InitProcess.Main());
        return command;
    }
}
