using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Exec;
using GoMini.Domain.Host;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Properties.Exec;

/// <summary>The exec planner's rules: what an exec joins, what it never does, and how flags lay over the config.</summary>
public class ExecPlannerProperties
{
    private static readonly HostFacts Facts = new(0, "/bundle", true, CgroupFacts.NoCgroups);

    private static RuntimeSpec Spec(params string[] env) => new()
    {
        Process = new ProcessSpec { Args = ["sleep", "1"], Env = env, Cwd = "/", User = new UserSpec { Uid = 0, Gid = 0 } },
    };

    private static ContainerPlan PlanOf(ExecOptions options, int pid, params string[] cgroups) =>
        ExecPlanner.Plan(Spec("PATH=/bin"), options, new ExecTarget(pid, "/bundle", "/bundle/rootfs", toSeq(cgroups)), Facts)
            .Match(p => p, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    private static Gen<int> Pids => Gen.Choose(2, 4_000_000);

    [Property(MaxTest = 100)]
    public Property An_exec_joins_every_namespace_of_the_init_creates_none_and_joins_mount_last_in_the_child() =>
        Prop.ForAll(Pids.ToArbitrary(), pid =>
        {
            var plan = PlanOf(new ExecOptions { ContainerId = "c", Args = Seq1("true") }, pid);
            var spawn = plan.Host.OfType<SpawnInit>().Single();
            var joined = spawn.Join.Map(j => j.Path).ToList();
            var mount = (JoinNamespace)plan.Init.Head;
            return spawn.Create.IsEmpty
                && joined.SequenceEqual(new[] { "ipc", "uts", "net", "pid", "cgroup" }.Select(n => $"/proc/{pid}/ns/{n}"))
                && mount.Kind == NamespaceKind.Mount && mount.Path == $"/proc/{pid}/ns/mnt";
        });

    [Property(MaxTest = 100)]
    public Property An_exec_never_mounts_pivots_or_sets_the_hostname_and_ends_with_exec() =>
        Prop.ForAll(Pids.ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (pid, detach) =>
        {
            var plan = PlanOf(new ExecOptions { ContainerId = "c", Args = Seq1("true"), Detach = detach }, pid);
            return !plan.Init.Exists(s => s is MountFilesystem or BindRootfs or PivotRoot or ChangeRoot or SetHostname or MaskPath or WaitForStart)
                && plan.Init.Last is ExecProcess
                && plan.Host.Exists(s => s is WaitForExit) == !detach
                && !plan.Host.Exists(s => s is CreateCgroup or RemoveCgroup);
        });

    [Property(MaxTest = 100)]
    public Property The_process_joins_every_cgroup_of_the_container_before_it_is_released() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("/sys/fs/cgroup/memory/a", "/sys/fs/cgroup/pids/a", "/sys/fs/cgroup/unified/a")).ToArbitrary(), cgroups =>
        {
            var distinct = cgroups.Distinct().ToArray();
            var host = PlanOf(new ExecOptions { ContainerId = "c", Args = Seq1("true") }, 42, distinct).Host.ToList();
            var release = host.FindIndex(s => s is ReleaseInit);
            return host.OfType<JoinCgroup>().Select(j => j.Path).SequenceEqual(distinct)
                && host.Select((s, i) => (s, i)).Where(x => x.s is JoinCgroup).All(x => x.i < release);
        });

    [Property(MaxTest = 100)]
    public Property A_later_env_entry_replaces_an_earlier_one_in_its_place() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("A", "B", "C")).ToArbitrary(), Gen.Elements("A", "B", "C", "D").ToArbitrary(), (keys, extra) =>
        {
            var first = keys.Select((k, i) => $"{k}={i}").ToArray();
            var merged = ExecProcessBuilder.MergeEnv(first, [$"{extra}=new"]);
            var names = merged.Select(e => e.Split('=')[0]).ToList();
            return names.Distinct().Count() == names.Count
                && merged.Contains($"{extra}=new")
                && names.SequenceEqual(first.Concat([$"{extra}=new"]).Select(e => e.Split('=')[0]).Distinct());
        });

    [Property(MaxTest = 100)]
    public Property User_flags_set_the_uid_and_gid_of_the_process() =>
        Prop.ForAll(Gen.Choose(0, 65535).Two().ToArbitrary(), ids =>
        {
            var (uid, gid) = ids;
            var plan = PlanOf(new ExecOptions { ContainerId = "c", Args = Seq1("id"), User = $"{uid}:{gid}" }, 42);
            var user = plan.Init.OfType<SetUser>().Single();
            return user.Uid == (uint)uid && user.Gid == (uint)gid;
        });

    [Property(MaxTest = 100)]
    public Property A_user_that_is_not_numbers_is_an_error_naming_the_flag() =>
        Prop.ForAll(Gen.Elements("root", "1:x", "a:1", "1:2:3", "").ToArbitrary(), text =>
            ExecPlanner.Plan(Spec(), new ExecOptions { ContainerId = "c", Args = Seq1("id"), User = text }, new ExecTarget(1, "/b", "/b/r", Seq<string>()), Facts)
                .Match(_ => false, errors => errors.Exists(e => e.Path == "--user")));
}
