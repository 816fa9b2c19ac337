using FsCheck;
using FsCheck.Xunit;
using GoMini.Domain.Lifecycle;

namespace GoMini.Properties.Lifecycle;

/// <summary>The spec's state machine as properties: what is refused changes nothing, what is allowed leads on.</summary>
public sealed class TransitionProperties
{
    [Property(MaxTest = 200)]
    public bool An_operation_is_refused_exactly_when_it_has_no_next_state(ContainerStatus status, Operation operation) =>
        operation is Operation.Delete or Operation.ForceDelete
            ? Transitions.After(status, operation).IsNone
            : Transitions.Refusal(status, operation, "c").IsSome == Transitions.After(status, operation).IsNone;

    [Property(MaxTest = 200)]
    public bool A_stopped_container_can_only_be_deleted_or_inspected(Operation operation) =>
        Transitions.Refusal(ContainerStatus.Stopped, operation, "c").IsNone
            == operation is Operation.Delete or Operation.ForceDelete or Operation.State;

    [Property(MaxTest = 200)]
    public bool Only_a_created_container_starts(ContainerStatus status) =>
        Transitions.Refusal(status, Operation.Start, "c").IsNone == (status == ContainerStatus.Created);

    /// <summary>runc thaws a paused container it SIGKILLs (podman waits for the exit); other signals wait for resume.</summary>
    [Property(MaxTest = 100)]
    public bool SIGKILL_stops_a_paused_container_and_other_signals_leave_it_paused(PositiveInt n)
    {
        var signal = n.Get % 31 + 1;
        var after = Transitions.After(ContainerStatus.Paused, Operation.Kill, signal);
        return after == (signal == 9 ? ContainerStatus.Stopped : ContainerStatus.Paused);
    }

    [Property(MaxTest = 100)]
    public bool Every_signal_number_parses_as_its_name_with_and_without_SIG(PositiveInt n)
    {
        var number = n.Get % 31 + 1;
        var name = Signals.Name(number);
        return Signals.Parse(name) == number && Signals.Parse(name[3..]) == number
            && Signals.Parse(name.ToLowerInvariant()) == number && Signals.Parse(number.ToString()) == number;
    }
}
