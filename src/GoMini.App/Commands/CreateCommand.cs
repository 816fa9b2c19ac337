using System.CommandLine;
using GoMini.App.Cli;
using GoMini.Domain.Lifecycle;
using GoMini.Domain.Options;
using GoMini.Domain.Spec;
using GoMini.Effects.Bundle;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>`gomini create ID`: set the container up and leave its init waiting for `start`.</summary>
public static class CreateCommand
{
    public static Command Create()
    {
        var flags = new RunFlags();
        var extra = new CreateFlags();
        var command = new Command("create", "create a container from a bundle; its process waits for `gomini start`");
        flags.AddTo(command);
        extra.AddTo(command, run: false);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            GlobalFlags.RejectSystemd(result);
            var raw = flags.Read(result, LaunchMode.Create);
            var bundle = result.GetValue(flags.Bundle)!;
            CheckUnsupported(result, extra, bundle);
            var consolePath = result.GetValue(extra.ConsoleSocket);
            return PlanLoader.Load(bundle, raw).Map(plan => ConsolePlanner.WithSocket(plan, consolePath)).Match(
                Succ: plan =>
                {
                    using var console = ConsoleSocket.For(plan, consolePath);
                    return ContainerCreator.Create(plan, GlobalFlags.Store(result),
                        new CreateSettings(raw.Verbose, result.GetValue(extra.PidFile), Annotations(bundle), "1.0.2", result.GetValue(extra.PreserveFds)));
                },
                Fail: PlanLoader.Report);
        }));
        return command;
    }

    /// <summary>What the config or flags ask that gomini cannot do yet: refused, never silently ignored.</summary>
    public static void CheckUnsupported(ParseResult result, CreateFlags extra, string bundle)
    {
        Effects.Spawn.PreservedFds.Check(result.GetValue(extra.PreserveFds));
        ConsoleRules.Check(Spec(bundle)?.Process?.Terminal == true, result.GetValue(extra.ConsoleSocket), detached: true,
            "the config's process.terminal is not true");
    }

    public static IReadOnlyDictionary<string, string>? Annotations(string bundle) => Spec(bundle)?.Annotations;

    /// <summary>The bundle's config when it reads and parses; the planner reports it otherwise.</summary>
    private static RuntimeSpec? Spec(string bundle) =>
        BundleReader.ReadConfig(bundle).Match(json => SpecReader.Parse(json, "config.json").Match<RuntimeSpec?>(s => s, _ => null), _ => null);
}
