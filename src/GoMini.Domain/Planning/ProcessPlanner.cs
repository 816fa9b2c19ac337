using GoMini.Domain.Options;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// The container process, after its root is in place: hostname, the security steps after pivot, then
/// the <see cref="ProcessTail"/> shared with exec (user, umask, cwd, the wait for `start`, exec).
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

        steps = steps.Then(security.AfterPivot);
        var reasons = new ProcessTail.Reasons(
            Groups: "process.user.additionalGids: drop gomini's own supplementary groups",
            User: "process.user",
            Umask: "process.user.umask",
            Cwd: process?.Cwd is null ? "the default working directory" : "process.cwd",
            Args: ArgsReason(input));
        var waitForStart = input.Options.Mode == LaunchMode.Create
            ? Seq1<Step>(new WaitForStart("create: the process runs only when `gomini start` says so"))
            : Seq<Step>();
        // startContainer: released by `start` (create) and not yet exec'd; the hook's path is the container's.
        var startContainer = Lifecycle.HookPlanner.InContainer(input.Spec, HookPoint.StartContainer, input.Options.ContainerId, input.Facts.BundlePath);
        steps = steps.Then(ProcessTail.Plan(process, security, EffectiveArgs(input), reasons, waitForStart.Then(startContainer)));
        return steps;
    }
}
