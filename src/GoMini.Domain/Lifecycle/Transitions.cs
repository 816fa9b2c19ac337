using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Lifecycle;

/// <summary>
/// The state machine of the runtime-spec's lifecycle, with runc's messages for the operations a
/// state refuses: which operation is allowed in which state, and the state it leads to.
/// </summary>
public static class Transitions
{
    /// <summary>None when <paramref name="operation"/> is allowed in <paramref name="status"/>, else why not.</summary>
    public static Option<string> Refusal(ContainerStatus status, Operation operation, string id) => (operation, status) switch
    {
        (Operation.State, _) => None,
        (Operation.Start, ContainerStatus.Created) => None,
        (Operation.Start, ContainerStatus.Stopped) => "cannot start a container that has stopped",
        (Operation.Start, ContainerStatus.Running) => "cannot start an already running container",
        (Operation.Start, _) => $"cannot start a container in the {status.Name()} state",
        (Operation.Kill, ContainerStatus.Created or ContainerStatus.Running or ContainerStatus.Paused) => None,
        (Operation.Kill, _) => "container not running",
        (Operation.Delete, ContainerStatus.Created or ContainerStatus.Stopped) => None,
        (Operation.Delete, _) => $"cannot delete container {id} that is not stopped: {status.Name()}",
        (Operation.ForceDelete, _) => None,
        (Operation.Pause, ContainerStatus.Running or ContainerStatus.Created) => None,
        (Operation.Pause, ContainerStatus.Paused) => "container already paused",
        (Operation.Pause, _) => "container not running",
        (Operation.Resume, ContainerStatus.Paused) => None,
        (Operation.Resume, _) => "container not paused",
        (Operation.Exec, ContainerStatus.Created or ContainerStatus.Running) => None,
        (Operation.Exec, _) => $"cannot exec in a {status.Name()} container",
        (Operation.Update, ContainerStatus.Stopped) => "container not running",
        (Operation.Update, _) => None,
        _ => $"cannot {operation} a {status.Name()} container",
    };

    /// <summary>
    /// The state after an allowed operation. A signal leaves the state as it is unless it is
    /// SIGKILL (an init may ignore others); SIGKILL stops a paused container too, because kill
    /// thaws it so that the signal lands (runc's behaviour, which podman relies on).
    /// </summary>
    public static Option<ContainerStatus> After(ContainerStatus status, Operation operation, int signal = 9) =>
        Refusal(status, operation, "").IsSome ? None : (operation, status) switch
        {
            (Operation.Start, _) => ContainerStatus.Running,
            (Operation.Kill, _) => signal == 9 ? ContainerStatus.Stopped : status,
            (Operation.Delete or Operation.ForceDelete, _) => Option<ContainerStatus>.None,
            (Operation.Pause, _) => ContainerStatus.Paused,
            (Operation.Resume, _) => ContainerStatus.Running,
            _ => status,
        };
}
