using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using GoMini.Properties.Planning;

namespace GoMini.Properties.Lifecycle;

/// <summary>Where the planner puts the config's hooks among the host steps.</summary>
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
        let hooks = h.ToList()
        select (spec with
        {
            Hooks = new HooksSpec
            {
                Prestart = hooks[0], CreateRuntime = hooks[1], CreateContainer = hooks[2],
                StartContainer = hooks[3], Poststart = hooks[4], Poststop = hooks[5],
            },
        }, options));

    private static Step[] Host((RuntimeSpec Spec, RunOptions Options) input) =>
        Planner.Plan(input.Spec, input.Options, Generators.Facts).Match(p => p.Host.ToArray(), _ => []);

    private static int Count(IReadOnlyList<HookSpec>? list) => list?.Count ?? 0;

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
        return host.Select((s, i) => (s, i)).Where(x => x.s is RunHook { Point: HookPoint.Prestart or HookPoint.CreateRuntime or HookPoint.CreateContainer or HookPoint.StartContainer })
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
        var startContainer = host.Count(s => s is RunHook { Point: HookPoint.StartContainer });
        if (input.Options.Mode == LaunchMode.Create)
            return poststart.Count == 0 && poststop.Count == 0 && startContainer == 0 && wait < 0;
        return poststart.Count == Count(hooks.Poststart) && poststart.All(i => i > release && i < wait)
            && poststop.Count == Count(hooks.Poststop) && poststop.All(i => i > wait && host.Skip(i).All(s => s is RunHook or RemoveCgroup))
            && startContainer == Count(hooks.StartContainer);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(HookOrderProperties)])]
    public bool Every_creation_hook_of_the_config_is_planned((RuntimeSpec Spec, RunOptions Options) input)
    {
        var host = Host(input);
        var hooks = input.Spec.Hooks!;
        return host.Count(s => s is RunHook { Point: HookPoint.Prestart }) == Count(hooks.Prestart)
            && host.Count(s => s is RunHook { Point: HookPoint.CreateRuntime }) == Count(hooks.CreateRuntime)
            && host.Count(s => s is RunHook { Point: HookPoint.CreateContainer }) == Count(hooks.CreateContainer);
    }
}
