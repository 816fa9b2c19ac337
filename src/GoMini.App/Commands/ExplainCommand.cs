using System.CommandLine;
using System.Text.Json;
using GoMini.App.Cli;
using GoMini.Domain.Explain;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;

namespace GoMini.App.Commands;

/// <summary>`gomini explain`: print the plan `run` would execute, and run nothing. Works for any user.</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var flags = new RunFlags();
        var format = new Option<string>("--format") { Description = "text (for people) or json (for programs)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var create = new Option<bool>("--create") { Description = "explain `create` (stop before exec until `start`) instead of `run`" };
        var command = new Command("explain", "print the exact plan of system calls `run` would make, and run nothing");
        flags.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(create);
        command.SetAction(result =>
        {
            var raw = flags.Read(result, result.GetValue(create) ? LaunchMode.Create : LaunchMode.Run);
            return PlanLoader.Load(result.GetValue(flags.Bundle)!, raw).Match(
                Succ: plan =>
                {
                    Console.Out.Write(result.GetValue(format) == "json"
                        ? JsonSerializer.Serialize(plan, PlanJsonContext.Default.ContainerPlan) + "\n"
                        : PlanText.Render(plan));
                    return 0;
                },
                Fail: PlanLoader.Report);
        });
        return command;
    }
}
