using GoMini.Domain.Exec;
using GoMini.Domain.Lifecycle;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using GoMini.Effects.Bundle;
using GoMini.Effects.State;
using LanguageExt;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// `exec`: reads the container's state and config under its lock (the lock is not held while the
/// process runs: `state`, `kill` and other execs must not wait for it), plans with the pure
/// <see cref="ExecPlanner"/>, then runs the plan; its exec-init is spawned from gomini bound read-only (Spawn/OwnBinaryGuard, CVE-2019-5736).
/// </summary>
public static class ContainerExecutor
{
    /// <summary>The exec plan, or the planner's errors; a missing or stopped container is a LifecycleException.</summary>
    public static Validation<PlanError, ContainerPlan> Plan(StateStore store, ExecOptions options)
    {
        ContainerState state;
        using (var container = store.Open(options.ContainerId))
        {
            state = container.Load();
            var refusal = Transitions.Refusal(StatusReader.Read(state, container), Operation.Exec, options.ContainerId);
            refusal.IfSome(why => throw new LifecycleException(why));
        }
        var target = new ExecTarget(state.Pid, state.Bundle, state.Rootfs, state.Cgroups.ToSeq().Strict());
        return BundleReader.ReadConfig(state.Bundle).Bind(json =>
            SpecReader.Parse(json).Bind(spec =>
                ExecPlanner.Plan(spec, options, target, HostFactsReader.Read(state.Bundle, spec))));
    }

    /// <summary>
    /// Runs the plan: with WaitForExit, returns the process' status (128+N for signal N); detached,
    /// returns 0 once it runs. The pid file, if asked for, is written as soon as the process runs.
    /// </summary>
    /// <param name="preserveFds">--preserve-fds: the caller's fds 3..3+N-1 the process inherits</param>
    public static int Run(ContainerPlan plan, bool verbose, string? pidFile, int preserveFds = 0) =>
        ContainerRunner.Run(plan, new RunSettings(verbose, JoinsMountLater: true,
            pidFile is null ? null : pid => PidFile.Write(pidFile, pid), preserveFds));
}
