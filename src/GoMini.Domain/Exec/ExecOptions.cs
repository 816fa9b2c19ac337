using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Exec;

/// <summary>
/// The command line of `gomini exec`, as typed (runc's flags). Either <see cref="ProcessFile"/> (the
/// parsed --process JSON, used as it is, like runc) or the container's own process with
/// <see cref="Args"/> and the flags laid over it.
/// </summary>
public sealed record ExecOptions
{
    public string ContainerId { get; init; } = "";
    public Option<ProcessSpec> ProcessFile { get; init; }
    public Seq<string> Args { get; init; }
    public bool Tty { get; init; }
    public Option<string> Cwd { get; init; }
    /// <summary>--env/-e KEY=VALUE, appended to the process env; a later KEY replaces an earlier one.</summary>
    public Seq<string> Env { get; init; }
    /// <summary>--user/-u uid[:gid].</summary>
    public Option<string> User { get; init; }
    /// <summary>--additional-gids/-g, each a number.</summary>
    public Seq<string> AdditionalGids { get; init; }
    /// <summary>--cap: added to the bounding, effective and permitted sets (and ambient when inheritable is set).</summary>
    public Seq<string> Caps { get; init; }
    public bool NoNewPrivileges { get; init; }
    /// <summary>--detach/-d: return once the process runs, instead of waiting for it.</summary>
    public bool Detach { get; init; }
}

/// <summary>
/// What `exec` needs to know about the running container, read from its state by Effects:
/// its init's host pid (whose /proc/&lt;pid&gt;/ns/* are joined), its rootfs and the cgroups it is in.
/// </summary>
public sealed record ExecTarget(int InitPid, string Bundle, string Rootfs, Seq<string> Cgroups);
