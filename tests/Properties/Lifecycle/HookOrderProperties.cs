using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using GoMini.Properties.Planning;

namespace GoMini.Properties.Lifecycle;

/// <summary>
/// Where the planner puts the config's hooks: prestart/createRuntime/poststart/poststop among the host
/// steps, createContainer/startContainer among the init steps (runtime-spec: in the container's namespaces).
/// </summary>
public sealed class HookOrderProperties
{
    private static readonly Gen<IReadOnlyList<HookSpec>?> HookList =
        from n in Gen.Choose(0, 3)
        from names in Gen.Elements("/a", "/b", "/c").ListOf(n)
        select n == 0 ? null : (IReadOnlyList<HookSpec>?)names.Select(p => new HookSpec { Path = p }).ToList();

    public static Arbitrary<(RuntimeSpec Spec, RunOptions Options)> SpecWithHooks() => Arb.From(
        from spec in Generators.ValidSpec
        from options in Generators.Options
        from h in HookList.ListOf(6)
        from seccomp in Gen.Elements(false, true)
        let hooks = h.ToList()
        select (spec with
        {
            // A filter (loaded last, with no_new_privs) must come after the startContainer hooks.
            Process = seccomp ? (spec.Process ?? new ProcessSpec()) with { NoNewPrivileges = true } : spec.Process,
            Linux = seccomp ? (spec.Linux ?? new LinuxSpec()) with
            {
                Seccomp = new SeccompSpec
                {
                    DefaultAction = "SCMP_ACT_ALLOW",
                    Syscalls = [new SyscallRuleSpec { Names = ["reboot"], Action = "SCMP_ACT_ERRNO" }],
                },
            } : spec.Linux,
            Hooks = new HooksSpec
            {
                Prestart = hooks[0], CreateRuntime = hooks[1], CreateContainer = hooks[2],
                StartContainer = hooks[3], Poststart = hooks[4], Poststop = hooks[5],
            },
        }, options));

    private static Step[] Host((RuntimeSpec Spec, RunOptions Options) input) =>
        Planner.Plan(input.Spec, input.Options, Generators.Facts).Match(p => p.Host.ToArray(), _ => []);

    private static Step[] Init((RuntimeSpec Spec, RunOptions Options) input) =>
        Planner.Plan(input.Spec, input.Options, Generators.Facts).Match(p => p.Init.ToArray(), _ => []);

    private static int Count(IReadOnlyList<HookSpec>? list) => list?.Count ?? 0;

    private static readonly Gen<Dictionary<string, string>> Annotations =
        from n in Gen.Choose(0, 4)
        from keys in Gen.Elements("org.example.a", "io.x/y", "k=v", "").ListOf(n)
        from values in Gen.Elements("", "1", "a=b c", "ü").ListOf(n)
        select keys.Zip(values, (k, v) => (Key: k, Value: v)).DistinctBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>runc's hooks read the config's annotations in their state; gomini's state had none.</summary>
    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public Property Every_hook_step_carries_the_configs_annotations((RuntimeSpec Spec, RunOptions Options) input) =>
        Prop.ForAll(Annotations.ToArbitrary(), annotations =>
        {
            var spec = input.Spec with { Annotations = annotations };
            var steps = Planner.Plan(spec, input.Options, Generators.Facts).Match(p => p.Host.Concat(p.Init).ToList(), _ => []);
            var expected = annotations.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new Annotation(a.Key, a.Value)).ToList();
            var carried = steps.Select(s => s switch
            {
                RunHook h => h.Annotations.ToList(),
                RunContainerHook h => h.Annotations.ToList(),
                _ => null,
            }).Where(a => a != null).ToList();
            return carried.All(a => a!.SequenceEqual(expected));
        });

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool Hooks_run_in_the_specs_order_of_points_and_in_config_order((RuntimeSpec Spec, RunOptions Options) input)
    {
        var points = Host(input).OfType<RunHook>().Select(h => (int)h.Point).ToArray();
        return points.SequenceEqual(points.Order()) && Host(input).OfType<RunHook>().All(h => h.Reason.StartsWith("hooks.", StringComparison.Ordinal));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool Creation_hooks_come_after_the_spawn_and_before_the_release((RuntimeSpec Spec, RunOptions Options) input)
    {
        var host = Host(input).ToList();
        var spawn = host.FindIndex(s => s is SpawnInit);
        var release = host.FindIndex(s => s is ReleaseInit);
        return host.Select((s, i) => (s, i)).Where(x => x.s is RunHook { Point: HookPoint.Prestart or HookPoint.CreateRuntime })
            .All(x => x.i > spawn && x.i < release);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool Run_runs_poststart_before_the_wait_and_poststop_after_it_create_leaves_them_to_start_and_delete((RuntimeSpec Spec, RunOptions Options) input)
    {
        var host = Host(input).ToList();
        var hooks = input.Spec.Hooks!;
        var release = host.FindIndex(s => s is ReleaseInit);
        var wait = host.FindIndex(s => s is WaitForExit);
        var poststart = host.Select((s, i) => (s, i)).Where(x => x.s is RunHook { Point: HookPoint.Poststart }).Select(x => x.i).ToList();
        var poststop = host.Select((s, i) => (s, i)).Where(x => x.s is RunHook { Point: HookPoint.Poststop }).Select(x => x.i).ToList();
        if (input.Options.Mode == LaunchMode.Create)
            return poststart.Count == 0 && poststop.Count == 0 && wait < 0;
        return poststart.Count == Count(hooks.Poststart) && poststart.All(i => i > release && i < wait)
            && poststop.Count == Count(hooks.Poststop) && poststop.All(i => i > wait && host.Skip(i).All(s => s is RunHook or RemoveCgroup or ReleaseCgroup));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool Every_creation_hook_of_the_config_is_planned((RuntimeSpec Spec, RunOptions Options) input)
    {
        var host = Host(input);
        var init = Init(input);
        var hooks = input.Spec.Hooks!;
        return host.Count(s => s is RunHook { Point: HookPoint.Prestart }) == Count(hooks.Prestart)
            && host.Count(s => s is RunHook { Point: HookPoint.CreateRuntime }) == Count(hooks.CreateRuntime)
            && init.Count(s => s is RunContainerHook { Point: HookPoint.CreateContainer }) == Count(hooks.CreateContainer)
            && init.Count(s => s is RunContainerHook { Point: HookPoint.StartContainer }) == Count(hooks.StartContainer);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool CreateContainer_and_startContainer_hooks_never_run_on_the_host((RuntimeSpec Spec, RunOptions Options) input) =>
        !Host(input).Any(s => s is RunHook { Point: HookPoint.CreateContainer or HookPoint.StartContainer })
        && !Host(input).Any(s => s is RunContainerHook)
        && !Init(input).Any(s => s is RunHook);

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool CreateContainer_hooks_run_after_every_mount_and_before_the_root_is_switched_in_config_order((RuntimeSpec Spec, RunOptions Options) input)
    {
        var init = Init(input).ToList();
        var hooks = init.Select((s, i) => (s, i)).Where(x => x.s is RunContainerHook { Point: HookPoint.CreateContainer }).ToList();
        var pivot = init.FindIndex(s => s is PivotRoot or ChangeRoot);
        var lastMount = init.FindLastIndex(s => s is MountFilesystem or BindRootfs or Remount or MakeDevice or MakeSymlink);
        var expected = input.Spec.Hooks!.CreateContainer?.Select(h => h.Path).ToList() ?? [];
        return hooks.All(x => x.i > lastMount && x.i < pivot)
            && hooks.Select(x => ((RunContainerHook)x.s).Path).SequenceEqual(expected)
            && hooks.Select((x, n) => ((RunContainerHook)x.s).Reason == $"hooks.createContainer[{n}]").All(ok => ok);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool StartContainer_hooks_run_after_the_release_by_start_and_right_before_the_exec_in_config_order((RuntimeSpec Spec, RunOptions Options) input)
    {
        var init = Init(input).ToList();
        var hooks = init.Select((s, i) => (s, i)).Where(x => x.s is RunContainerHook { Point: HookPoint.StartContainer }).ToList();
        var waitForStart = init.FindIndex(s => s is WaitForStart);
        var pivot = init.FindIndex(s => s is PivotRoot or ChangeRoot);
        var user = init.FindIndex(s => s is SetUser);
        var seccomp = init.FindIndex(s => s is LoadSeccompFilter);
        var exec = init.FindIndex(s => s is ExecProcess);
        var expected = input.Spec.Hooks!.StartContainer?.Select(h => h.Path).ToList() ?? [];
        return hooks.All(x => x.i > pivot && x.i > user && x.i > waitForStart && x.i < exec && (seccomp < 0 || x.i < seccomp))
            && (input.Spec.Linux?.Seccomp is null || seccomp >= 0 || init.Count == 0)
            && (input.Options.Mode == LaunchMode.Create) == (waitForStart >= 0)
            && hooks.Select(x => ((RunContainerHook)x.s).Path).SequenceEqual(expected);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool Hooks_in_the_container_carry_the_container_id_and_bundle_for_their_state((RuntimeSpec Spec, RunOptions Options) input) =>
        Planner.Plan(input.Spec, input.Options, Generators.Facts).Match(
            plan => plan.Init.OfType<RunContainerHook>().All(h => h.ContainerId == plan.ContainerId && h.Bundle == plan.Bundle
                && h.Path.Length > 0 && h.Reason.StartsWith("hooks.", StringComparison.Ordinal)),
            _ => true);
}
