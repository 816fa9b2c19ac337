using GoMini.Domain.Options;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// The container process, after its root is in place: hostname, the security groups in runc's
/// order around the change of user, umask, cwd, the wait for `start`, and exec.
/// </summary>
public static class ProcessPlanner
{
    /// <summary>Arguments after `--` beat `--cmd`, which beats process.args.</summary>
    public static Seq<string> EffectiveArgs(PlanInput input) =>
        !input.Options.Args.IsEmpty ? input.Options.Args
        : input.Options.Cmd.Match(cmd => Seq("/bin/sh", "-c", cmd), () => (input.Spec.Process?.Args ?? []).ToSeq().Strict());

    private static string ArgsReason(PlanInput input) =>
        !input.Options.Args.IsEmpty ? "the arguments after --"
        : input.Options.Cmd.IsSome ? "--cmd, run by /bin/sh -c"
        : "process.args";

    public static Seq<Step> Plan(PlanInput input, Seq<ContainerNamespace> namespaces, SecurityPlan security)
    {
        var process = input.Spec.Process;
        var ownUts = namespaces.Exists(n => n.Kind == NamespaceKind.Uts && n.Path.IsNone);
        var steps = Seq<Step>();

        var hostname = input.Options.Hostname.Map(h => (h, "--hostname"))
            .IfNone(() => (input.Spec.Hostname ?? "", "hostname"));
        if (ownUts && hostname.Item1.Length > 0)
            steps = steps.Add(new SetHostname(hostname.Item1, hostname.Item2));
        if (ownUts && !string.IsNullOrEmpty(input.Spec.Domainname))
            steps = steps.Add(new SetDomainname(input.Spec.Domainname, "domainname"));

        steps = steps.Then(security.AfterPivot).Then(security.BeforeUserChange);

        var user = process?.User;
        steps = steps.Add(new SetGroups((user?.AdditionalGids ?? []).ToSeq().Strict(), "process.user.additionalGids: drop gomini's own supplementary groups"));
        steps = steps.Add(new SetUser(user?.Uid ?? 0, user?.Gid ?? 0, "process.user"));
        steps = steps.Then(security.AfterUserChange);

        if (user?.Umask is { } umask)
            steps = steps.Add(new SetUmask(umask, "process.user.umask"));
        steps = steps.Add(new ChangeDirectory(process?.Cwd ?? "/", process?.Cwd is null ? "the default working directory" : "process.cwd"));
        if (input.Options.Mode == LaunchMode.Create)
            steps = steps.Add(new WaitForStart("create: the process runs only when `gomini start` says so"));
        // startContainer: released by `start` (create) and not yet exec'd; the hook's path is the container's.
        steps = steps.Then(Lifecycle.HookPlanner.InContainer(input.Spec, HookPoint.StartContainer, input.Options.ContainerId, input.Facts.BundlePath));
        steps = steps.Then(security.LastBeforeExec);
        steps = steps.Add(new ExecProcess(EffectiveArgs(input), (process?.Env ?? []).ToSeq().Strict(), ArgsReason(input)));
        return steps;
    }
}
