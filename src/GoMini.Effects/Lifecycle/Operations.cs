using GoMini.Domain.Lifecycle;
using GoMini.Effects.Cgroups;
using GoMini.Effects.Native;
using GoMini.Effects.State;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// The lifecycle operations on an existing container, each under the container's lock and checked
/// against the spec's state machine (<see cref="Transitions"/>) before it touches anything.
/// </summary>
public static class Operations
{
    public static StateView State(StateStore store, string id)
    {
        using var container = store.Open(id);
        var state = container.Load();
        return View(state, StatusReader.Read(state, container));
    }

    public static IEnumerable<StateView> List(StateStore store)
    {
        foreach (var id in store.Ids())
        {
            StateView? view = null;
            try { view = State(store, id); }
            catch (LifecycleException) { /* deleted while we listed */ }
            if (view != null) yield return view;
        }
    }

    public static void Start(StateStore store, string id)
    {
        using var container = store.Open(id);
        var state = container.Load();
        Require(StatusReader.Read(state, container), Operation.Start, id);
        ExecFifo.Release(container.FifoPath, () => StatusReader.IsAlive(state.Pid, state.StartTime));
    }

    /// <summary>
    /// Signals the init (or with --all every process). SIGKILL to a paused container also thaws it, as
    /// runc does: a frozen task does not act on SIGKILL, so the container would stay paused with its
    /// kill pending, and podman, which waits for the exit after `kill`, would time out.
    /// </summary>
    public static void Kill(StateStore store, string id, int signal, bool all)
    {
        using var container = store.Open(id);
        var state = container.Load();
        var status = StatusReader.Read(state, container);
        Require(status, Operation.Kill, id);
        if (all && state.Cgroups.Length > 0)
        {
            foreach (var pid in Processes(state))
                Libc.kill(pid, signal);
        }
        else if (Libc.kill(state.Pid, signal) < 0)
            throw new SyscallException("kill", state.Pid.ToString(), LifecycleNative.Errno);
        if (signal == Libc.SIGKILL && status == ContainerStatus.Paused)
            Freezer.Thaw(state.Cgroups);
    }

    /// <summary>
    /// Created and stopped containers go without --force; running and paused ones need it (SIGKILL,
    /// thawed so the kill lands). Then the cgroups and the state directory go.
    /// </summary>
    public static void Delete(StateStore store, string id, bool force)
    {
        LockedContainer container;
        try { container = store.Open(id); }
        catch (LifecycleException) when (force)
        {
            // runc: an aborted create may leave a directory without state.json; --force removes it quietly.
            try { Directory.Delete(store.DirectoryOf(id), recursive: true); }
            catch (DirectoryNotFoundException) { }
            return;
        }
        using (container)
        {
            var state = container.Load();
            var status = StatusReader.Read(state, container);
            Require(status, force ? Operation.ForceDelete : Operation.Delete, id);
            if (status != ContainerStatus.Stopped)
                KillAndWait(state);
            foreach (var path in state.CreatedCgroups.Reverse())
                CgroupEffects.Remove(path);
            foreach (var path in state.CgroupParents.Reverse())
                CgroupEffects.Release(path);
            container.Remove();
        }
    }

    public static void Pause(StateStore store, string id)
    {
        using var container = store.Open(id);
        var state = container.Load();
        Require(StatusReader.Read(state, container), Operation.Pause, id);
        Freezer.Freeze(state.Cgroups);
    }

    public static void Resume(StateStore store, string id)
    {
        using var container = store.Open(id);
        var state = container.Load();
        Require(StatusReader.Read(state, container), Operation.Resume, id);
        Freezer.Thaw(state.Cgroups);
    }

    /// <summary>The container's processes (host pids): its cgroups' members, else its init's pid namespace.</summary>
    public static IReadOnlyList<int> Ps(StateStore store, string id)
    {
        using var container = store.Open(id);
        var state = container.Load();
        return StatusReader.Read(state, container) == ContainerStatus.Stopped ? [] : Processes(state);
    }

    /// <summary>The container's state and a lock held while the caller works (exec, update, events).</summary>
    public static (LockedContainer Container, ContainerState State, ContainerStatus Status) Open(StateStore store, string id)
    {
        var container = store.Open(id);
        var state = container.Load();
        return (container, state, StatusReader.Read(state, container));
    }

    public static void Require(ContainerStatus status, Operation operation, string id)
    {
        var refusal = Transitions.Refusal(status, operation, id);
        if (refusal.IsSome)
            throw new LifecycleException(refusal.IfNone(""));
    }

    public static StateView View(ContainerState state, ContainerStatus status) => new()
    {
        OciVersion = state.OciVersion,
        Id = state.Id,
        Pid = status == ContainerStatus.Stopped ? 0 : state.Pid,
        Status = status.Name(),
        Bundle = state.Bundle,
        Rootfs = state.Rootfs,
        Created = state.Created,
        Owner = "",
        Annotations = state.Annotations,
    };

    public static IReadOnlyList<int> Processes(ContainerState state)
    {
        var fromCgroups = new SortedSet<int>();
        foreach (var dir in state.Cgroups)
        {
            try
            {
                foreach (var line in File.ReadAllLines(Path.Combine(dir, "cgroup.procs")))
                    if (int.TryParse(line, out var pid)) fromCgroups.Add(pid);
            }
            catch (IOException) { }
        }
        if (fromCgroups.Count > 0) return [.. fromCgroups];
        return PidNamespaceMembers(state.Pid);
    }

    private static IReadOnlyList<int> PidNamespaceMembers(int init)
    {
        string ns;
        try { ns = new FileInfo($"/proc/{init}/ns/pid").LinkTarget ?? ""; }
        catch (IOException) { return []; }
        if (ns.Length == 0) return [];
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (new FileInfo($"{dir}/ns/pid").LinkTarget == ns) members.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        members.Sort();
        return members;
    }

    private static void KillAndWait(ContainerState state)
    {
        foreach (var pid in Processes(state).Append(state.Pid).Distinct())
            Libc.kill(pid, Libc.SIGKILL);
        if (Freezer.IsFrozen(state.Cgroups))
            Freezer.Thaw(state.Cgroups);
        for (var i = 0; i < 10_000 && StatusReader.IsAlive(state.Pid, state.StartTime); i++)
            Thread.Sleep(1);
    }
}
