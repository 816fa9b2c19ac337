using System.CommandLine;
using System.Text.Json;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>`gomini state ID`: the runtime-spec State JSON of a container.</summary>
public static class StateCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var command = new Command("state", "print the state of a container as JSON");
        command.Arguments.Add(id);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var view = Operations.State(GlobalFlags.Store(result), result.GetValue(id)!);
            Console.Out.Write(JsonSerializer.Serialize(view, StateJsonContext.Default.StateView) + "\n");
        }));
        return command;
    }
}
