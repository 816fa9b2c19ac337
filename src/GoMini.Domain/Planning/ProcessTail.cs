using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// The end of every process start, the same for a container's init (<see cref="ProcessPlanner"/>)
/// and for `exec` (Exec/ExecPlanner), in runc's order: the security steps that need root, the
/// supplementary groups and the user, the security steps after the change of user, umask, cwd,
/// then (create only) the wait for `start`, the last security steps (seccomp) and execve.
/// Only the reasons differ: where each value came from.
/// </summary>
public static class ProcessTail
{
    /// <summary>Why each step is there: the config field or flag its value came from.</summary>
    public sealed record Reasons(string Groups, string User, string Umask, string Cwd, string Args);

    /// <param name="beforeExec">steps between cwd and the last security steps: create's WaitForStart</param>
    public static Seq<Step> Plan(ProcessSpec? process, SecurityPlan security, Seq<string> args, Reasons reasons, Seq<Step> beforeExec)
    {
        var user = process?.User;
        var steps = security.BeforeUserChange
            .Add(new SetGroups((user?.AdditionalGids ?? []).ToSeq().Strict(), reasons.Groups))
            .Add(new SetUser(user?.Uid ?? 0, user?.Gid ?? 0, reasons.User))
            .Then(security.AfterUserChange);
        if (user?.Umask is { } umask)
            steps = steps.Add(new SetUmask(umask, reasons.Umask));
        return steps.Add(new ChangeDirectory(process?.Cwd ?? "/", reasons.Cwd))
            .Then(beforeExec)
            .Then(security.LastBeforeExec)
            .Add(new ExecProcess(args, (process?.Env ?? []).ToSeq().Strict(), reasons.Args));
    }
}
