using LanguageExt;

namespace GoMini.Domain.Options;

/// <summary>`--net none` gives a new network namespace with only loopback; `host` shares the host's.</summary>
public enum NetMode { None, Host }

/// <summary>`run` creates, starts and waits; `create` stops before exec until `start`.</summary>
public enum LaunchMode { Run, Create }

/// <summary>
/// The command line of `run`, `create` and `explain`, already parsed into typed values
/// (flag syntax errors are reported by <see cref="OptionParser"/> before planning).
/// Flags override the config; arguments after `--` beat `--cmd`, which beats process.args.
/// </summary>
public sealed record RunOptions
{
    public string ContainerId { get; init; } = "gomini";
    public Option<string> Hostname { get; init; }
    /// <summary>`--cpu`: CPU time in µs per 100 ms period.</summary>
    public Option<long> CpuQuota { get; init; }
    /// <summary>`--mem`: memory limit in bytes.</summary>
    public Option<long> MemoryBytes { get; init; }
    /// <summary>`--pids`: the most tasks the container may have.</summary>
    public Option<long> Pids { get; init; }
    public Option<NetMode> Net { get; init; }
    /// <summary>`--cmd`: a command line run by /bin/sh -c.</summary>
    public Option<string> Cmd { get; init; }
    /// <summary>Arguments after `--`.</summary>
    public Seq<string> Args { get; init; }
    public bool Verbose { get; init; }
    public bool NoPivot { get; init; }
    public LaunchMode Mode { get; init; } = LaunchMode.Run;
}
