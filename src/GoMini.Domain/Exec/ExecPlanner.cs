using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Security;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Exec;

/// <summary>
/// `gomini exec` as a plan. The host steps start an exec-init inside the running container: a thread
/// joins the container's ipc, uts, net, pid and cgroup namespaces through /proc/&lt;init&gt;/ns/* (the pid
/// namespace applies to the spawned child, so the process is inside the container's), spawns the
/// sealed gomini, and the parent puts the child into the container's cgroups before releasing it.
/// The init steps are the process part of a container start only (no mounts, no pivot): join the
/// mount namespace (last, which also sets the root to the container's), a new pty with --tty, rlimits, no_new_privs,
/// capabilities around the change of user, umask, cwd, seccomp if the config has one, exec.
/// </summary>
public static class ExecPlanner
{
    /// <summary>The namespaces the spawning thread joins, in this order; mount comes last, in the child.</summary>
    public static readonly Seq<NamespaceKind> JoinedByThread =
        Seq(NamespaceKind.Ipc, NamespaceKind.Uts, NamespaceKind.Network, NamespaceKind.Pid, NamespaceKind.Cgroup);

    public static Validation<PlanError, ContainerPlan> Plan(RuntimeSpec spec, ExecOptions options, ExecTarget target, HostFacts facts) =>
        ExecProcessBuilder.Build(spec.Process, options).Bind(process =>
        {
            var withProcess = spec with { Process = process };
            return SecurityPlanner.Plan(withProcess, facts, facts.BoundingCapabilities)
                .Map(security => Assemble(options, target, withProcess, security));
        });

    public static string NamespacePath(int pid, NamespaceKind kind) => $"/proc/{pid}/ns/{ProcName(kind)}";

    private static string ProcName(NamespaceKind kind) => kind switch
    {
        NamespaceKind.Network => "net",
        NamespaceKind.Mount => "mnt",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static ContainerPlan Assemble(ExecOptions options, ExecTarget target, RuntimeSpec spec, SecurityPlan security)
    {
        var process = spec.Process!;
        var joins = JoinedByThread.Map(k => new NamespaceJoin(k, NamespacePath(target.InitPid, k))).Strict();
        var host = Seq1<Step>(new SpawnInit(Seq<NamespaceKind>(), joins,
                "exec: the exec-init starts inside the namespaces of the container's init (pid, so the process is in the container's)"))
            .Then(target.Cgroups.Map(c => (Step)new JoinCgroup(c, "exec: the process belongs to the container's cgroups")))
            .Add(new ReleaseInit("the exec-init may now join the mount namespace, drop privileges and exec"));
        if (!options.Detach)
            host = host.Add(new WaitForExit("exec: gomini waits for the process and exits with its status"));

        var reasons = new ProcessTail.Reasons(
            Groups: Source(options, "user.additionalGids", "--additional-gids"),
            User: Source(options, "user", "--user"),
            Umask: Source(options, "user.umask", "process.user.umask"),
            Cwd: Source(options, "cwd", "--cwd"),
            Args: Source(options, "args", "the arguments after the container id"));
        var init = Seq1<Step>(new JoinNamespace(NamespaceKind.Mount, NamespacePath(target.InitPid, NamespaceKind.Mount),
                "exec: the container's mount namespace, joined last; its root becomes the process' root"))
            // --tty / process.terminal: the pty comes from the container's devpts, so after the mount join.
            .Then(Lifecycle.ConsolePlanner.Plan(spec))
            .Then(ProcessTail.Plan(process, security, (process.Args ?? []).ToSeq().Strict(), reasons, Seq<Step>()));

        return new ContainerPlan(options.ContainerId, target.Bundle, target.Rootfs, host.Strict(), init.Strict());
    }

    /// <summary>Where a value came from: the --process file, or the config with the flags over it.</summary>
    private static string Source(ExecOptions options, string field, string flag) =>
        options.ProcessFile.IsSome ? $"--process: {field}" : $"{flag} (else the config's process.{field})";
}
