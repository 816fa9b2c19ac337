using GoMini.Domain.Plan;
using GoMini.Effects.State;

namespace GoMini.Effects.Lifecycle;

/// <summary>What `create` needs besides the plan.</summary>
/// <param name="PreserveFds">--preserve-fds: the caller's fds 3..3+N-1 the container process inherits</param>
public sealed record CreateSettings(bool Verbose, string? PidFile, IReadOnlyDictionary<string, string>? Annotations, string OciVersion, int PreserveFds = 0);

/// <summary>
/// `create`: makes the state directory and exec fifo, runs the create plan (the init child stops at
/// WaitForStart), records the state and writes the pid file. A failure leaves nothing behind: the
/// interpreter kills the child and removes its cgroups, and the state directory goes here.
/// </summary>
public static class ContainerCreator
{
    public static int Create(ContainerPlan plan, StateStore store, CreateSettings settings)
    {
        using var container = store.CreateNew(plan.ContainerId);
        int status, pid;
        try
        {
            ExecFifo.Make(container.FifoPath);
            Environment.SetEnvironmentVariable(ExecFifo.Variable, container.FifoPath);
            // No memfd copy (8-15 ms): the init is spawned from gomini's binary bound read-only in its own
            // new mount namespace (Spawn/OwnBinaryGuard), which guards against CVE-2019-5736 as well.
            try { status = ContainerRunner.Start(plan, new RunSettings(settings.Verbose, PreserveFds: settings.PreserveFds), out pid); }
            finally { Environment.SetEnvironmentVariable(ExecFifo.Variable, null); }
        }
        catch
        {
            container.Remove();
            throw;
        }
        if (status != 0)
        {
            container.Remove();
            return status;
        }
        var state = ContainerStateOf.Plan(plan, pid, settings);
        container.Save(state);
        if (settings.PidFile != null)
            PidFile.Write(settings.PidFile, pid);
        return 0;
    }
}

/// <summary>runc's pid file: the pid as text, no newline, written atomically.</summary>
public static class PidFile
{
    public static void Write(string path, int pid)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp");
        File.WriteAllText(temporary, pid.ToString());
        File.Move(temporary, full, overwrite: true);
    }
}
