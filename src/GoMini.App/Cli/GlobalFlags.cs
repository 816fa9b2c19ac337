using System.CommandLine;
using GoMini.Effects.State;

namespace GoMini.App.Cli;

/// <summary>
/// runc's global flags, given before the command as engines do
/// (`gomini --root R --log L --log-format json create ...`), recursive so any command sees them.
/// </summary>
public static class GlobalFlags
{
    public static readonly Option<string> Root = new("--root") { Description = "the state directory, one subdirectory per container", DefaultValueFactory = _ => StateStore.DefaultRoot, Recursive = true };
    public static readonly Option<string?> Log = new("--log") { Description = "also write errors (and with --debug, progress) to this file", Recursive = true };
    public static readonly Option<string> LogFormat = new("--log-format") { Description = "text, or json: one {\"level\",\"msg\",\"time\"} object per line", DefaultValueFactory = _ => "text", Recursive = true };
    public static readonly Option<bool> Debug = new("--debug") { Description = "log progress as well as errors", Recursive = true };
    public static readonly Option<bool> SystemdCgroup = new("--systemd-cgroup") { Description = "not supported: gomini manages cgroups through cgroupfs only", Recursive = true };
    public static readonly Option<string?> Criu = new("--criu") { Hidden = true, Recursive = true };
    public static readonly Option<bool> Rootless = new("--rootless") { Hidden = true, Recursive = true, Arity = ArgumentArity.ZeroOrOne };

    public static void AddTo(RootCommand root)
    {
        LogFormat.AcceptOnlyFromAmong("text", "json");
        foreach (var option in new Option[] { Root, Log, LogFormat, Debug, SystemdCgroup, Criu, Rootless })
            root.Options.Add(option);
    }

    public static StateStore Store(ParseResult result) => new(result.GetValue(Root) ?? StateStore.DefaultRoot);

    /// <summary>For create and run: cgroups through systemd are not implemented, and saying so beats ignoring it.</summary>
    public static void RejectSystemd(ParseResult result)
    {
        if (result.GetValue(SystemdCgroup))
            throw new LifecycleException("--systemd-cgroup: gomini manages cgroups through cgroupfs only; configure the engine with cgroup_manager = \"cgroupfs\"");
    }
}
