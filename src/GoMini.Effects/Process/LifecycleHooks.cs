using GoMini.Domain.Lifecycle;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using GoMini.Effects.Bundle;

namespace GoMini.Effects.Process;

/// <summary>
/// Runs the host's hooks the way the spec wants failures handled: prestart and createRuntime failures
/// fail the operation (the exception propagates); poststart and poststop failures are warnings. Also the
/// hooks of `start` and `delete`, read again from the bundle's config (the state records the bundle, as
/// runc's does). createContainer and startContainer run in the init child (Init/ContainerHooks).
/// </summary>
public static class LifecycleHooks
{
    public static void Run(RunHook hook, string id, string bundle, int pid)
    {
        if (HookPlanner.IsFatal(hook.Point))
        {
            HookRunner.Run(hook, id, bundle, pid);
            return;
        }
        try { HookRunner.Run(hook, id, bundle, pid); }
        catch (Exception e) { Console.Error.WriteLine($"gomini: warning: {hook.Reason}: {e.Message}"); }
    }

    /// <summary>Every hook of <paramref name="point"/> in the bundle's config, in order.</summary>
    public static void RunAll(HookPoint point, string id, string bundle, int pid)
    {
        foreach (var step in HookPlanner.For(Spec(bundle), point))
            Run((RunHook)step, id, bundle, pid);
    }

    /// <summary>
    /// `start`: releases the init, which runs the startContainer hooks inside the container before it execs
    /// (a failure there fails start and the container is stopped, as the spec says), then poststart hooks
    /// (warnings only).
    /// </summary>
    public static void Start(State.StateStore store, string id)
    {
        var view = Lifecycle.Operations.State(store, id);
        try { Lifecycle.Operations.Start(store, id); }
        catch (State.LifecycleException) when (view.Status == "created")
        {
            // The init reported a failed step and exits; make sure nothing of the container runs on.
            try { Lifecycle.Operations.Kill(store, id, Native.Libc.SIGKILL, all: true); }
            catch (Exception) { /* it may be gone already; the step's failure is what start reports */ }
            throw;
        }
        RunAll(HookPoint.Poststart, view.Id, view.Bundle, view.Pid);
    }

    /// <summary>`delete`: the container goes, then its poststop hooks run (warnings only).</summary>
    public static void Delete(State.StateStore store, string id, bool force)
    {
        State.StateView? view = null;
        try { view = Lifecycle.Operations.State(store, id); }
        catch (State.LifecycleException) { /* gone: Delete says what it says about that */ }
        Lifecycle.Operations.Delete(store, id, force);
        if (view != null)
            RunAll(HookPoint.Poststop, view.Id, view.Bundle, 0);
    }

    private static RuntimeSpec Spec(string bundle) =>
        BundleReader.ReadConfig(bundle).Match(
            json => SpecReader.Parse(json, "config.json").Match(s => s, _ => new RuntimeSpec()),
            _ => new RuntimeSpec());
}
