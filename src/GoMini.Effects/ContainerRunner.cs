using GoMini.Domain.Plan;
using GoMini.Effects.Interpreter;

namespace GoMini.Effects;

/// <summary>What the interpreter needs besides the plan: how to report and where to record.</summary>
/// <param name="Started">called with the process' host pid once it runs (exec'd), before any wait:
/// where `run` records its state and `exec` writes its pid file</param>
/// <param name="PreserveFds">--preserve-fds: the caller's fds 3..3+N-1 the process inherits</param>
/// <param name="JoinsMountLater">exec: the exec-init starts in the host's mount namespace and joins the
/// container's itself, so its spawning thread first gives it a private one where gomini is bound read-only</param>
public sealed record RunSettings(bool Verbose, bool JoinsMountLater = false, Action<int>? Started = null, int PreserveFds = 0);

/// <summary>Executes a plan's host steps in the parent; the init steps travel to the init child.</summary>
public static class ContainerRunner
{
    // CONTRACT (owned by the effects work): returns the container's exit status (128+N for signal N).
    public static int Run(ContainerPlan plan, RunSettings settings) => new HostInterpreter(plan, settings).Run();

    /// <summary>
    /// Runs a plan without WaitForExit (create, exec --detach): on success the init child stays
    /// running and its pid comes back; on failure nothing is left (child killed, cgroups removed).
    /// </summary>
    public static int Start(ContainerPlan plan, RunSettings settings, out int initPid)
    {
        var interpreter = new HostInterpreter(plan, settings);
        var status = interpreter.Run();
        initPid = interpreter.InitPid;
        return status;
    }
}
