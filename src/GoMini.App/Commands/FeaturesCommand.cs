using System.CommandLine;
using GoMini.Domain.Lifecycle;

namespace GoMini.App.Commands;

/// <summary>`gomini features`: the features JSON engines read to learn what the runtime supports.</summary>
public static class FeaturesCommand
{
    public static Command Create()
    {
        var command = new Command("features", "print the features this runtime supports, as JSON");
        command.SetAction(_ =>
        {
            Console.Out.Write(Features.Json(VersionCommand.SpecVersion));
            return 0;
        });
        return command;
    }
}
