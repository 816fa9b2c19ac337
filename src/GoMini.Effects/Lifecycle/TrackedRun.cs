using GoMini.Domain.Plan;
using GoMini.Effects.State;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// `run` as runc does it: the container has a state directory under --root while it runs, so
/// `state`, `list`, `ps`, `kill`, `pause` and `exec` see it, and the directory goes when it ends.
/// The lock is held only while the directory is made and the state written, never during the wait.
/// </summary>
public static class TrackedRun
{
    public static int Run(ContainerPlan plan, StateStore store, CreateSettings settings)
    {
        var container = store.CreateNew(plan.ContainerId);
        var recordedPid = 0;
        try
        {
            return ContainerRunner.Run(plan, new RunSettings(settings.Verbose, Started: pid =>
            {
                container.Save(ContainerStateOf.Plan(plan, pid, settings));
                recordedPid = pid;
                if (settings.PidFile != null)
                    PidFile.Write(settings.PidFile, pid);
                // From here on other commands may lock the container.
                container.Dispose();
            }, PreserveFds: settings.PreserveFds));
        }
        finally
        {
            if (recordedPid == 0)
            {
                container.Remove();
                container.Dispose();
            }
            else RemoveIfStillOurs(store, plan.ContainerId, recordedPid);
        }
    }

    /// <summary>A `delete --force` may have removed it already, and a new container may have taken the id since.</summary>
    private static void RemoveIfStillOurs(StateStore store, string id, int pid)
    {
        try
        {
            using var again = store.Open(id);
            if (again.Load().Pid == pid)
                again.Remove();
        }
        catch (LifecycleException) { /* gone already */ }
    }
}

/// <summary>The state record of a container whose init runs as <c>pid</c>: what create and run save.</summary>
public static class ContainerStateOf
{
    public static ContainerState Plan(ContainerPlan plan, int pid, CreateSettings settings) => new()
    {
        OciVersion = settings.OciVersion,
        Id = plan.ContainerId,
        Pid = pid,
        StartTime = ProcStat.Read(pid)?.StartTime ?? 0,
        Bundle = plan.Bundle,
        Rootfs = plan.Rootfs,
        Created = DateTime.UtcNow,
        Annotations = settings.Annotations is { Count: > 0 } a ? new Dictionary<string, string>(a) : null,
        Cgroups = plan.Host.Choose(s => s is JoinCgroup j ? LanguageExt.Prelude.Some(j.Path) : LanguageExt.Prelude.None).ToArray(),
        CreatedCgroups = plan.Host.Choose(s => s is CreateCgroup c ? LanguageExt.Prelude.Some(c.Path) : LanguageExt.Prelude.None).ToArray(),
        CgroupParents = plan.Host.Choose(s => s is EnsureCgroup e ? LanguageExt.Prelude.Some(e.Path) : LanguageExt.Prelude.None).ToArray(),
    };
}
