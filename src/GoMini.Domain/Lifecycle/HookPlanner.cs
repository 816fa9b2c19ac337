using GoMini.Domain.Cgroups;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Lifecycle;

/// <summary>
/// The config's hooks as RunHook steps, in the spec's order and each list in config order:
/// prestart, createRuntime, createContainer once the namespaces exist and before the init child is
/// released (create and run); startContainer before the process execs (run: before ReleaseInit;
/// create: `start` runs them), poststart once it started, poststop once it stopped (run: around
/// WaitForExit; create: `start` and `delete` run them).
/// Every hook runs from gomini in the host's namespaces; the spec wants createContainer and
/// startContainer in the container's namespaces — a known difference, see the report in the log.
/// </summary>
public static class HookPlanner
{
    /// <summary>Host steps between SpawnInit/JoinCgroup and ReleaseInit.</summary>
    public static Seq<Step> BeforeRelease(RuntimeSpec spec, LaunchMode mode) =>
        For(spec, HookPoint.Prestart).Then(For(spec, HookPoint.CreateRuntime)).Then(For(spec, HookPoint.CreateContainer))
            .Then(mode == LaunchMode.Run ? For(spec, HookPoint.StartContainer) : Seq<Step>());

    /// <summary>Host steps right after ReleaseInit (run only: create's process has not started yet).</summary>
    public static Seq<Step> AfterRelease(RuntimeSpec spec, LaunchMode mode) =>
        mode == LaunchMode.Run ? For(spec, HookPoint.Poststart) : Seq<Step>();

    /// <summary>Host steps after WaitForExit, before the cgroups go (run only: `delete` runs create's).</summary>
    public static Seq<Step> AfterExit(RuntimeSpec spec, LaunchMode mode) =>
        mode == LaunchMode.Run ? For(spec, HookPoint.Poststop) : Seq<Step>();

    /// <summary>Whether a failure of this hook fails the operation (else it is only a warning), per the spec.</summary>
    public static bool IsFatal(HookPoint point) => point is not (HookPoint.Poststart or HookPoint.Poststop);

    /// <summary>The hooks of one point as steps, each with its config path as its reason.</summary>
    public static Seq<Step> For(RuntimeSpec spec, HookPoint point)
    {
        var (list, name) = point switch
        {
            HookPoint.Prestart => (spec.Hooks?.Prestart, "prestart"),
            HookPoint.CreateRuntime => (spec.Hooks?.CreateRuntime, "createRuntime"),
            HookPoint.CreateContainer => (spec.Hooks?.CreateContainer, "createContainer"),
            HookPoint.StartContainer => (spec.Hooks?.StartContainer, "startContainer"),
            HookPoint.Poststart => (spec.Hooks?.Poststart, "poststart"),
            _ => (spec.Hooks?.Poststop, "poststop"),
        };
        return (list ?? []).Select((hook, i) => (Step)new RunHook(point, hook.Path ?? "",
                (hook.Args ?? []).ToSeq().Strict(), (hook.Env ?? []).ToSeq().Strict(), hook.Timeout,
                $"hooks.{name}[{i}]"))
            .ToSeq().Strict();
    }
}
