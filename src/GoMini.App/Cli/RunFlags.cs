using System.CommandLine;
using GoMini.Domain.Options;

namespace GoMini.App.Cli;

/// <summary>The seed's run flags, shared by run, create and explain with the same meaning.</summary>
public sealed class RunFlags
{
    public Option<string> Bundle { get; } = new("--bundle", "-b") { Description = "the bundle directory, holding config.json and the rootfs", DefaultValueFactory = _ => "." };
    public Option<string?> Hostname { get; } = new("--hostname") { Description = "the container's hostname (gives it a uts namespace)" };
    public Option<string?> Cpu { get; } = new("--cpu") { Description = "CPU quota in µs per 100 ms period (10000 = 10% of one CPU)" };
    public Option<string?> Mem { get; } = new("--mem") { Description = "memory limit in bytes, or with a unit: 64m, 1g" };
    public Option<string?> Pids { get; } = new("--pids") { Description = "the most processes the container may have" };
    public Option<string?> Net { get; } = new("--net") { Description = "none: a new network namespace with only loopback; host: the host's network" };
    public Option<string?> Cmd { get; } = new("--cmd") { Description = "a command line to run with /bin/sh -c, instead of process.args" };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "print each step as it runs, with its duration" };
    public Option<bool> NoPivot { get; } = new("--no-pivot") { Description = "chroot instead of pivot_root (for a rootfs on ramfs)" };
    public Argument<string?> ContainerId { get; } = new("container-id") { Description = "the container's id (default: run: gomini-<pid>; create: gomini)", Arity = ArgumentArity.ZeroOrOne };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Bundle, Hostname, Cpu, Mem, Pids, Net, Cmd, Verbose, NoPivot })
            command.Options.Add(option);
        command.Arguments.Add(ContainerId);
    }

    /// <param name="defaultId">the id when none is given (run: unique per gomini process)</param>
    public RawRunOptions Read(ParseResult result, LaunchMode mode, string defaultId = "gomini") => new(
        Hostname: result.GetValue(Hostname),
        Cpu: result.GetValue(Cpu),
        Mem: result.GetValue(Mem),
        Pids: result.GetValue(Pids),
        Net: result.GetValue(Net),
        Cmd: result.GetValue(Cmd),
        Verbose: result.GetValue(Verbose),
        NoPivot: result.GetValue(NoPivot),
        Args: CommandTail.Args,
        ContainerId: result.GetValue(ContainerId) ?? defaultId,
        Mode: mode);
}
