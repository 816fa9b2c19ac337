using System.CommandLine;
using GoMini.App.Cli;
using GoMini.App.Commands;
using GoMini.Effects.Init;

// The init child takes the shortest path: no command-line parsing on the container's start path.
if (args is ["init"])
    return InitProcess.Main();

var root = new RootCommand("GoMini: an OCI container runtime that can show you exactly what it will do (`gomini explain`).");
GlobalFlags.AddTo(root);
foreach (var command in new[]
{
    RunCommand.Create(), ExplainCommand.Create(), CreateCommand.Create(), StartCommand.Create(), StateCommand.Create(),
    KillCommand.Create(), DeleteCommand.Create(), ListCommand.Create(), PsCommand.Create(), PauseCommand.Create(),
    ResumeCommand.Create(), SpecCommand.Create(), FeaturesCommand.Create(), VersionCommand.Create(),
    UpdateCommand.Create(), EventsCommand.Create(),
    HelpCommand.Create(root), InitCommand.Create(),
    ExecCommand.Create(),
})
    root.Subcommands.Add(command);

var parsed = root.Parse(CommandTail.Split(ExecCommand.Split(args)));
LogSink.Configure(parsed.GetValue(GlobalFlags.Log), parsed.GetValue(GlobalFlags.LogFormat), parsed.GetValue(GlobalFlags.Debug));
var status = parsed.Invoke();
Console.Error.Flush();
return status;
