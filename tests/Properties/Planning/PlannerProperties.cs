using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Linux;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Properties.Planning;

/// <summary>The planner's rules, one property each (issue 2, item 8).</summary>
public class PlannerProperties
{
    private static ContainerPlan PlanOf(RuntimeSpec spec, RunOptions options) =>
        Planner.Plan(spec, options, Generators.Facts).Match(p => p, e => throw new Xunit.Sdk.XunitException(string.Join("; ", e)));

    [Property(MaxTest = 200)]
    public Property Planning_is_total_for_any_text() =>
        Prop.ForAll(Arb.From(Gen.OneOf(ArbMap.Default.GeneratorFor<string>(), MutatedJson)), text =>
        {
            var result = Planner.Plan(text ?? "", new RunOptions(), _ => Generators.Facts);
            return result.IsSuccess || result.FailAsEnumerable().All(e => e.Path.Length > 0 && e.Message.Length > 0);
        });

    // Valid configs with one character dropped or swapped: the texts most likely to hit edge cases of the parser.
    private static readonly Gen<string> MutatedJson =
        from spec in Generators.ValidSpec
        let json = JsonSerializer.Serialize(spec, SpecJsonContext.Default.RuntimeSpec)
        from at in Gen.Choose(0, json.Length - 1)
        from replacement in Gen.Elements("", "\"", "{", "]", "1", "null", "-", "true")
        select json[..at] + replacement + json[(at + 1)..];

    [Property(MaxTest = 100)]
    public Property Exec_is_the_last_init_step_and_comes_exactly_once() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var plan = PlanOf(x.Spec, x.Options);
            return plan.Init.Last is ExecProcess && plan.Init.Count(s => s is ExecProcess) == 1;
        });

    [Property(MaxTest = 100)]
    public Property Every_mount_target_lies_inside_the_new_root_and_every_mount_comes_before_the_switch_of_root() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var init = PlanOf(x.Spec, x.Options).Init.ToList();
            var pivot = init.FindIndex(s => s is PivotRoot or ChangeRoot);
            var mounts = init.Select((s, i) => (s, i)).Where(p => p.s is MountFilesystem or Remount or MakeDevice or MakeSymlink).ToList();
            var targets = mounts.Select(p => p.s switch
            {
                MountFilesystem m => m.Destination, Remount r => r.Destination, MakeDevice d => d.Path, MakeSymlink l => l.LinkPath, _ => "",
            });
            return pivot > 0
                   && mounts.All(p => p.i < pivot)
                   && targets.All(t => t.StartsWith('/') && !t.Split('/').Contains("..") && !t.Split('/').Contains("."));
        });

    [Property(MaxTest = 100)]
    public Property A_hostname_step_exists_exactly_when_a_uts_namespace_is_new_and_a_hostname_is_given() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var plan = PlanOf(x.Spec, x.Options);
            var newUts = plan.Host.OfType<SpawnInit>().Single().Create.Contains(NamespaceKind.Uts);
            var hostname = x.Options.Hostname.IfNone(x.Spec.Hostname ?? "");
            var steps = plan.Init.OfType<SetHostname>().ToList();
            return (newUts && hostname.Length > 0) == (steps.Count == 1) && steps.All(s => s.Name == hostname);
        });

    [Property(MaxTest = 100)]
    public Property Arguments_after_the_double_dash_beat_cmd_which_beats_process_args() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var exec = PlanOf(x.Spec, x.Options).Init.OfType<ExecProcess>().Single();
            var expected = !x.Options.Args.IsEmpty ? x.Options.Args.ToList()
                : x.Options.Cmd.Match(c => ["/bin/sh", "-c", c], () => x.Spec.Process!.Args!.ToList());
            return exec.Args.SequenceEqual(expected);
        });

    [Property(MaxTest = 100)]
    public Property The_net_flag_overrides_the_configs_network_namespace() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var spawn = PlanOf(x.Spec, x.Options).Host.OfType<SpawnInit>().Single();
            var configHasNet = x.Spec.Linux!.Namespaces!.Any(n => n.Type == "network");
            var expected = x.Options.Net.Match(n => n == NetMode.None, () => configHasNet);
            return spawn.Create.Contains(NamespaceKind.Network) == expected;
        });

    [Property(MaxTest = 100)]
    public Property The_plan_is_deterministic_and_its_json_round_trips_to_an_equal_plan() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var plan = PlanOf(x.Spec, x.Options);
            var json = JsonSerializer.Serialize(plan, PlanJsonContext.Default.ContainerPlan);
            var back = JsonSerializer.Deserialize(json, PlanJsonContext.Default.ContainerPlan);
            return plan == PlanOf(x.Spec, x.Options) && back == plan;
        });

    [Property(MaxTest = 100)]
    public Property A_read_only_root_is_remounted_read_only_after_the_switch_of_root() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var init = PlanOf(x.Spec, x.Options).Init.ToList();
            var pivot = init.FindIndex(s => s is PivotRoot or ChangeRoot);
            var remount = init.FindIndex(s => s is RemountReadonly { Path: "/" });
            return x.Spec.Root!.Readonly == true ? remount > pivot : remount < 0;
        });

    [Property(MaxTest = 100)]
    public Property No_pivot_chooses_chroot_and_otherwise_pivot_root() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var init = PlanOf(x.Spec, x.Options).Init;
            return x.Options.NoPivot
                ? init.Exists(s => s is ChangeRoot) && !init.Exists(s => s is PivotRoot)
                : init.Exists(s => s is PivotRoot) && !init.Exists(s => s is ChangeRoot);
        });

    [Property(MaxTest = 100)]
    public Property Create_waits_for_start_before_exec_and_run_waits_for_the_container() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var plan = PlanOf(x.Spec, x.Options);
            var create = x.Options.Mode == LaunchMode.Create;
            return plan.Init.Exists(s => s is WaitForStart) == create && plan.Host.Exists(s => s is WaitForExit) == !create;
        });

    [Property(MaxTest = 100)]
    public Property A_bind_mount_with_flags_is_followed_by_its_remount() =>
        Prop.ForAll(Generators.SpecAndOptions(), x =>
        {
            var init = PlanOf(x.Spec, x.Options).Init.ToList();
            var readOnlyBinds = x.Spec.Mounts!.Select((m, i) => (m, i)).Where(p => p.m.Type == "bind" && (p.m.Options ?? []).Contains("ro"));
            return readOnlyBinds.All(p =>
            {
                var at = init.FindIndex(s => s is MountFilesystem { FsType: "bind" } && s.Reason.StartsWith($"mounts[{p.i}]:"));
                return at >= 0 && init[at + 1] is Remount r && (r.Flags & MountFlags.ReadOnly) != 0 && (r.Flags & MountFlags.Bind) != 0;
            });
        });
}
