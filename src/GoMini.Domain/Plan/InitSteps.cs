using LanguageExt;

namespace GoMini.Domain.Plan;

// The steps the init child runs, in plan order, inside the new namespaces.
// Paths named Destination/Path are container paths: the interpreter resolves them
// inside the rootfs before pivot_root, and as they are after it.

public sealed record UnshareNamespace(NamespaceKind Kind, string Reason) : Step(Reason);

/// <summary>
/// setns() into an existing namespace from the init child itself (exec: the mount namespace, joined
/// by the child because the sealed gomini it is spawned from is only reachable in the host's).
/// </summary>
public sealed record JoinNamespace(NamespaceKind Kind, string Path, string Reason) : Step(Reason);

public sealed record BringUpLoopback(string Reason) : Step(Reason);

/// <summary>mount(NULL, Target, NULL, Flags) — changes propagation, e.g. MS_REC|MS_PRIVATE on /.</summary>
public sealed record SetMountPropagation(string Target, ulong Flags, string Reason) : Step(Reason);

/// <summary>Binds the rootfs onto itself so that it is a mount point pivot_root accepts.</summary>
public sealed record BindRootfs(string Rootfs, string Reason) : Step(Reason);

/// <summary>mount(Source, rootfs+Destination, FsType, Flags, Data); creates the mount point first.</summary>
public sealed record MountFilesystem(string Source, string Destination, string FsType, ulong Flags, string Data, string Reason) : Step(Reason);

/// <summary>mount(NULL, rootfs+Destination, NULL, MS_REMOUNT|Flags): the flags a bind mount cannot take at once.</summary>
public sealed record Remount(string Destination, ulong Flags, string Reason) : Step(Reason);

public sealed record MakeDevice(string Path, char Kind, long Major, long Minor, uint Mode, uint Uid, uint Gid, string Reason) : Step(Reason);

public sealed record MakeSymlink(string Target, string LinkPath, string Reason) : Step(Reason);

public sealed record PivotRoot(string Rootfs, string Reason) : Step(Reason);

public sealed record ChangeRoot(string Rootfs, string Reason) : Step(Reason);

/// <summary>Hides a path: /dev/null bound over a file, a read-only empty tmpfs over a directory.</summary>
public sealed record MaskPath(string Path, string Reason) : Step(Reason);

/// <summary>Binds a path onto itself and remounts it read-only (after pivot_root).</summary>
public sealed record RemountReadonly(string Path, string Reason) : Step(Reason);

public sealed record SetHostname(string Name, string Reason) : Step(Reason);

public sealed record SetDomainname(string Name, string Reason) : Step(Reason);

public sealed record WriteSysctl(string Key, string Value, string Reason) : Step(Reason);

public sealed record SetRlimit(string Resource, ulong Soft, ulong Hard, string Reason) : Step(Reason);

public sealed record SetOomScoreAdj(int Score, string Reason) : Step(Reason);

public sealed record SetPersonality(ulong Persona, string Reason) : Step(Reason);

public sealed record SetNoNewPrivileges(string Reason) : Step(Reason);

/// <summary>PR_SET_KEEPCAPS, so the permitted set survives the change of uid.</summary>
public sealed record KeepCapabilities(string Reason) : Step(Reason);

public sealed record SetGroups(Seq<uint> Gids, string Reason) : Step(Reason);

/// <summary>setresgid then setresuid.</summary>
public sealed record SetUser(uint Uid, uint Gid, string Reason) : Step(Reason);

/// <summary>PR_CAPBSET_DROP of every capability named in <see cref="Drop"/>.</summary>
public sealed record DropBoundingCapabilities(Seq<string> Drop, string Reason) : Step(Reason);

public sealed record SetCapabilities(Seq<string> Effective, Seq<string> Permitted, Seq<string> Inheritable, string Reason) : Step(Reason);

public sealed record RaiseAmbientCapabilities(Seq<string> Ambient, string Reason) : Step(Reason);

public sealed record SetUmask(uint Mask, string Reason) : Step(Reason);

public sealed record ChangeDirectory(string Path, string Reason) : Step(Reason);

/// <summary>seccomp(SECCOMP_SET_MODE_FILTER, Flags, prog): the classic BPF program, base64 of its 8-byte instructions.</summary>
public sealed record LoadSeccompFilter(string Program, int Instructions, int Rules, uint Flags, string Reason) : Step(Reason);

/// <summary>
/// process.terminal: opens the container's /dev/ptmx (after pivot_root, so the pty lives in the
/// container's devpts), sends the master over the console socket (SCM_RIGHTS; the parent connected
/// it and passed its fd), applies the size, and makes the slave stdio and controlling terminal.
/// <see cref="SocketPath"/> is what --console-socket named (null: `run`'s own relay), for explain only.
/// </summary>
public sealed record SetupConsole(string? SocketPath, uint Height, uint Width, string Reason) : Step(Reason);

/// <summary>
/// An OCI hook the init child runs inside the container's namespaces (createContainer: after the mounts,
/// before pivot_root, so <see cref="Path"/> is resolved in the runtime's filesystem; startContainer: after
/// `start` released the init, before the process execs, so it is resolved in the container), with the
/// container's state JSON (<see cref="ContainerId"/>, <see cref="Bundle"/>, the init's host pid) on stdin.
/// A failure fails create or start.
/// </summary>
public sealed record RunContainerHook(HookPoint Point, string Path, Seq<string> Args, Seq<string> Env, int? TimeoutSeconds,
    string ContainerId, string Bundle, string Reason) : Step(Reason)
{
    /// <summary>The config's annotations, for the state JSON on the hook's stdin.</summary>
    public Seq<Annotation> Annotations { get; init; }
}

/// <summary>`create`: the init child blocks here until `start` releases it.</summary>
public sealed record WaitForStart(string Reason) : Step(Reason);

/// <summary>execve of the container process; PATH is searched inside the container, like execvp.</summary>
public sealed record ExecProcess(Seq<string> Args, Seq<string> Env, string Reason) : Step(Reason);
