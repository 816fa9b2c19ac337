using GoMini.Domain.Cgroups;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Lifecycle;

/// <summary>
/// The config's hooks as steps, in the spec's order and each list in config order, at the points and in
/// the namespaces runtime-spec's config.md ("POSIX-platform Hooks") says:
/// - prestart, createRuntime: host steps, run by gomini in the runtime's namespaces once the init child
///   exists in its namespaces and cgroups, before it is released to set up the container (so before
///   pivot_root);
/// - createContainer: an init step after the container's mounts and before pivot_root: the path is
///   resolved in the runtime's filesystem, the hook runs in the container's namespaces;
/// - startContainer: an init step after `start` released the init (create) and before the process
///   execs: path resolved in the container, run in it (as runc does, with the process' user and
///   capabilities already applied, before the seccomp filter);
/// - poststart once the process started, poststop once it stopped (run: around WaitForExit; create:
///   `start` and `delete` run them from the bundle's config).
/// </summary>
public static class HookPlanner
{
    /// <summary>Host steps between SpawnInit/JoinCgroup and ReleaseInit.</summary>
    public static Seq<Step> BeforeRelease(RuntimeSpec spec, LaunchMode mode) =>
        For(spec, HookPoint.Prestart).Then(For(spec, HookPoint.CreateRuntime));

    /// <summary>
    /// Init steps for the hooks that run inside the container (createContainer, startContainer), each
    /// with what its state JSON needs: the container id and the bundle.
    /// </summary>
    public static Seq<Step> InContainer(RuntimeSpec spec, HookPoint point, string containerId, string bundle) =>
        For(spec, point).Map(s => (RunHook)s)
            .Map(h => (Step)new RunContainerHook(h.Point, h.Path, h.Args, h.Env, h.TimeoutSeconds, containerId, bundle, h.Reason)
                { Annotations = h.Annotations })
            .Strict();

    /// <summary>Host steps right after ReleaseInit (run only: create's process has not started yet).</summary>
    public static Seq<Step> AfterRelease(RuntimeSpec spec, LaunchMode mode) =>
        mode == LaunchMode.Run ? For(spec, HookPoint.Poststart) : Seq<Step>();

    /// <summary>Host steps after WaitForExit, before the cgroups go (run only: `delete` runs create's).</summary>
    public static Seq<Step> AfterExit(RuntimeSpec spec, LaunchMode mode) =>
        mode == LaunchMode.Run ? For(spec, HookPoint.Poststop) : Seq<Step>();

    /// <summary>The point's name in config.json and the spec: prestart, createRuntime, createContainer, ...</summary>
    public static string SpecName(HookPoint point) => point switch
    {
        HookPoint.Prestart => "prestart",
        HookPoint.CreateRuntime => "createRuntime",
        HookPoint.CreateContainer => "createContainer",
        HookPoint.StartContainer => "startContainer",
        HookPoint.Poststart => "poststart",
        _ => "poststop",
    };

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
        var annotations = (spec.Annotations ?? new Dictionary<string, string>())
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new Annotation(a.Key, a.Value)).ToSeq().Strict();
        return (list ?? []).Select((hook, i) => (Step)new RunHook(point, hook.Path ?? "",
                (hook.Args ?? []).ToSeq().Strict(), (hook.Env ?? []).ToSeq().Strict(), hook.Timeout,
                $"hooks.{name}[{i}]") { Annotations = annotations })
            .ToSeq().Strict();
    }
}
