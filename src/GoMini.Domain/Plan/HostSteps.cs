using LanguageExt;

namespace GoMini.Domain.Plan;

// The steps the parent (gomini itself) runs, in plan order.

/// <summary>mkdir of a cgroup directory that gomini creates (and so may write and remove).</summary>
public sealed record CreateCgroup(string Path, string Reason) : Step(Reason);

/// <summary>
/// mkdir of a parent of the container's cgroup unless it exists: parents may be shared by containers
/// (linux.cgroupsPath parent/a and parent/b). One gomini creates is recorded in gomini's cgroup ledger,
/// and only then gets the <see cref="WhenCreated"/> writes ("file=value", e.g. cpuset.cpus, v2's
/// cgroup.subtree_control); an existing one is used as it is and never written to.
/// </summary>
public sealed record EnsureCgroup(string Path, Seq<string> WhenCreated, string Reason) : Step(Reason);

/// <summary>
/// rmdir of a parent of the container's cgroup, only if gomini created it (its ledger says so) and no
/// cgroup is left inside (another container's): the last container to leave a shared parent removes it.
/// </summary>
public sealed record ReleaseCgroup(string Path, string Reason) : Step(Reason);

/// <summary>One write of a value into a cgroup control file, e.g. memory.limit_in_bytes.</summary>
public sealed record WriteCgroupFile(string Path, string Value, string Reason) : Step(Reason);

/// <summary>
/// Starts the init child: a thread unshares <see cref="Create"/> and setns()es into each of
/// <see cref="Join"/>, then posix_spawns gomini's own binary as `init` inside them.
/// </summary>
public sealed record SpawnInit(Seq<NamespaceKind> Create, Seq<NamespaceJoin> Join, string Reason) : Step(Reason);

/// <summary>Writes the init child's pid into cgroup.procs of a cgroup gomini created.</summary>
public sealed record JoinCgroup(string Path, string Reason) : Step(Reason);

/// <summary>Runs one OCI hook with the container state on its stdin.</summary>
public sealed record RunHook(HookPoint Point, string Path, Seq<string> Args, Seq<string> Env, int? TimeoutSeconds, string Reason) : Step(Reason)
{
    /// <summary>The config's annotations, for the state JSON on the hook's stdin (runc passes them too).</summary>
    public Seq<Annotation> Annotations { get; init; }
}

/// <summary>Sends the init steps to the child, which runs them and execs the container process.</summary>
public sealed record ReleaseInit(string Reason) : Step(Reason);

/// <summary>Waits for the container process and relays signals to it; its status is gomini's.</summary>
public sealed record WaitForExit(string Reason) : Step(Reason);

/// <summary>rmdir of a cgroup gomini created; runs on success and after any failure.</summary>
public sealed record RemoveCgroup(string Path, string Reason) : Step(Reason);
