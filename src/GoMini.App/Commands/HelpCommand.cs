using System.CommandLine;

namespace GoMini.App.Commands;

/// <summary>`gomini help [command]`: the same text as `--help`, as the seed offered it.</summary>
public static class HelpCommand
{
    public static Command Create(RootCommand root)
    {
        var topic = new Argument<string?>("command") { Description = "the command to explain", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("help", "show help for gomini or one of its commands");
        command.Arguments.Add(topic);
        command.SetAction(result =>
        {
            var name = result.GetValue(topic);
            string[] args = name is null ? ["--help"] : [name, "--help"];
            return root.Parse(args).Invoke();
        });
        return command;
    }
}
