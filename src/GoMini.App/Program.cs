using System.CommandLine;
using GoMini.App.Cli;
using GoMini.App.Commands;
using GoMini.Effects.Init;

// The init child takes the shortest path: no command-line parsing on the container's start path.
if (args is ["init"])
    return InitProcess.Main();

var root = new RootCommand("GoMini: an OCI container runtime that can show you exactly what it will do (`gomini explain`).");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(HelpCommand.Create(root));
root.Subcommands.Add(InitCommand.Create());
return root.Parse(CommandTail.Split(args)).Invoke();
