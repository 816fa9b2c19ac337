using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Exec;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using GoMini.Properties.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Properties.Exec;

/// <summary>exec --tty and the process tail exec shares with run and create.</summary>
public class ExecTerminalProperties
{
    private static readonly ExecTarget Target = new(42, "/bundle", "/bundle/rootfs", Seq<string>());

    private static RuntimeSpec Spec() => new()
    {
        Process = new ProcessSpec { Args = ["sleep", "1"], Env = ["PATH=/bin"], Cwd = "/", User = new UserSpec { Uid = 0, Gid = 0 } },
    };

    private static ContainerPlan ExecPlan(RuntimeSpec spec, ExecOptions options) =>
        ExecPlanner.Plan(spec, options, Target, Generators.Facts)
            .Match(p => p, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    private static readonly Gen<ProcessSpec> Process =
        from uid in Gen.Choose(0, 70000)
        from gid in Gen.Choose(0, 70000)
        from groups in Generators.Between(Gen.Choose(0, 5000).Select(g => (uint)g), 0, 3)
        from umask in Gen.Elements<uint?>(null, 18u, 63u)
        from cwd in Gen.Elements("/", "/tmp", "/var/lib")
        from args in Generators.Between(Gen.Elements("sh", "-c", "echo hi", "true"), 1, 3)
        from env in Generators.Between(Gen.Elements("PATH=/bin", "A=1", "B=two"), 0, 3)
        from noNewPrivileges in Gen.Elements<bool?>(null, true, false)
        select new ProcessSpec
        {
            Args = args.ToList(), Env = env.ToList(), Cwd = cwd, NoNewPrivileges = noNewPrivileges,
            User = new UserSpec { Uid = (uint)uid, Gid = (uint)gid, AdditionalGids = groups.ToList(), Umask = umask },
        };

    [Property(MaxTest = 100)]
    public Property With_a_tty_the_exec_init_opens_its_pty_right_after_the_mount_join_and_before_the_user_changes() =>
        Prop.ForAll(Gen.Elements(true, false).ToArbitrary(), Gen.Choose(0, 65535).ToArbitrary(), (tty, uid) =>
        {
            var plan = ExecPlan(Spec(), new ExecOptions { ContainerId = "c", Args = Seq1("sh"), Tty = tty, User = uid.ToString() });
            var init = plan.Init.ToList();
            var console = init.FindIndex(s => s is SetupConsole);
            var user = init.FindIndex(s => s is SetUser);
            return tty
                ? console == 1 && init[0] is JoinNamespace { Kind: NamespaceKind.Mount } && console < user && init.Count(s => s is SetupConsole) == 1
                : console < 0;
        });

    [Property(MaxTest = 100)]
    public Property A_process_file_decides_the_terminal_whatever_the_tty_flag_says() =>
        Prop.ForAll(Gen.Elements(true, false).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), Gen.Choose(0, 200).ToArbitrary(), (terminal, flag, rows) =>
        {
            var file = new ProcessSpec { Args = ["sh"], Terminal = terminal, ConsoleSize = new ConsoleSizeSpec { Height = (uint)rows, Width = 80 } };
            var plan = ExecPlan(Spec(), new ExecOptions { ContainerId = "c", ProcessFile = file, Tty = flag });
            var console = plan.Init.OfType<SetupConsole>().ToList();
            return terminal ? console.Count == 1 && console[0].Height == (uint)rows && console[0].Width == 80 : console.Count == 0;
        });

    [Property(MaxTest = 100)]
    public Property A_console_socket_is_recorded_in_the_exec_plans_console_step() =>
        Prop.ForAll(Gen.Elements("/run/conmon/a.sock", "/tmp/s").ToArbitrary(), path =>
        {
            var plan = GoMini.Domain.Lifecycle.ConsolePlanner.WithSocket(
                ExecPlan(Spec(), new ExecOptions { ContainerId = "c", Args = Seq1("sh"), Tty = true }), path);
            return plan.Init.OfType<SetupConsole>().Single().SocketPath == path;
        });

    /// <summary>The steps from the supplementary groups to execve, with the reasons (which name different sources) blanked.</summary>
    private static List<Step> Tail(ContainerPlan plan) =>
        plan.Init.SkipWhile(s => s is not SetGroups).Select(s => s with { Reason = "" }).ToList();

    [Property(MaxTest = 100)]
    public Property Exec_and_run_of_the_same_process_end_with_the_same_steps() =>
        Prop.ForAll(Generators.ValidSpec.ToArbitrary(), Process.ToArbitrary(), (spec, process) =>
        {
            var withProcess = spec with { Process = process };
            var run = Planner.Plan(withProcess, new RunOptions { ContainerId = "c", Mode = LaunchMode.Run }, Generators.Facts)
                .Match(p => p, e => throw new InvalidOperationException(string.Join("; ", e)));
            var exec = ExecPlan(withProcess, new ExecOptions { ContainerId = "c", ProcessFile = process });
            var (runTail, execTail) = (Tail(run), Tail(exec));
            return (runTail.Count > 0 && runTail.SequenceEqual(execTail))
                .Label($"run: {string.Join(", ", runTail)}\nexec: {string.Join(", ", execTail)}");
        });
}
