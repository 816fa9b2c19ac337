using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Lifecycle;

/// <summary>
/// process.terminal: one SetupConsole step after pivot_root (the pty must come from the container's
/// devpts) and before the change of user (opening /dev/ptmx and TIOCSCTTY need no privilege, but the
/// slave's mode must not depend on the container's user).
/// </summary>
public static class ConsolePlanner
{
    public static Seq<Step> Plan(RuntimeSpec spec) =>
        spec.Process?.Terminal == true
            ? Seq1<Step>(new SetupConsole(null, spec.Process.ConsoleSize?.Height ?? 0, spec.Process.ConsoleSize?.Width ?? 0,
                "process.terminal: the process gets a pty as stdio and controlling terminal"))
            : Seq<Step>();

    /// <summary>The socket --console-socket named, recorded in the step so explain and errors can say where the master goes.</summary>
    public static ContainerPlan WithSocket(ContainerPlan plan, string? socketPath) => socketPath is null ? plan : plan with
    {
        Init = plan.Init.Map(s => s is SetupConsole c ? c with { SocketPath = socketPath } : s).Strict(),
    };

    public static bool WantsTerminal(ContainerPlan plan) => plan.Init.Exists(s => s is SetupConsole);
}
