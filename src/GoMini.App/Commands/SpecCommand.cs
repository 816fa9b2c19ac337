using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Domain.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>`gomini spec`: write a default config.json into the bundle directory, like `runc spec`.</summary>
public static class SpecCommand
{
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle", "-b") { Description = "where to write config.json", DefaultValueFactory = _ => "." };
        var rootless = new Option<bool>("--rootless") { Description = "not supported: gomini has no rootless containers yet" };
        var command = new Command("spec", "write a new default config.json (like runc spec)");
        command.Options.Add(bundle);
        command.Options.Add(rootless);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            if (result.GetValue(rootless))
                throw new LifecycleException("--rootless: rootless containers are not supported yet");
            var path = Path.Combine(result.GetValue(bundle)!, "config.json");
            if (File.Exists(path))
                throw new LifecycleException("File config.json exists. Remove it first");
            File.WriteAllText(path, DefaultSpec.Json(VersionCommand.SpecVersion));
        }));
        return command;
    }
}
