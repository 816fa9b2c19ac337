using GoMini.Domain.Lifecycle;
using GoMini.Effects.Lifecycle;

namespace GoMini.Effects.State;

/// <summary>
/// A container's status, read from the system as runc does: stopped when its init is gone, a zombie,
/// or a different process with the same pid (start time differs); paused when its cgroup is frozen;
/// created while the exec fifo exists (`start` removes it); running otherwise.
/// </summary>
public static class StatusReader
{
    public static ContainerStatus Read(ContainerState state, LockedContainer container)
    {
        if (!IsAlive(state.Pid, state.StartTime))
            return ContainerStatus.Stopped;
        if (Freezer.IsFrozen(state.Cgroups))
            return ContainerStatus.Paused;
        return File.Exists(container.FifoPath) ? ContainerStatus.Created : ContainerStatus.Running;
    }

    public static bool IsAlive(int pid, ulong startTime)
    {
        if (pid <= 0) return false;
        return ProcStat.Read(pid) is { } stat && stat.State is not ('Z' or 'X') && stat.StartTime == startTime;
    }
}

/// <summary>The two fields of /proc/&lt;pid&gt;/stat the lifecycle needs.</summary>
public sealed record ProcStat(char State, ulong StartTime)
{
    public static ProcStat? Read(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // The command name (field 2) may hold spaces and parentheses: fields restart after the last ')'.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcStat(rest[0][0], ulong.Parse(rest[19]));
    }
}
