using GoMini.Domain.Lifecycle;

namespace GoMini.Integration.Lifecycle;

/// <summary>The commands the lifecycle property sends (kill is always SIGKILL; delete is without --force).</summary>
public enum Op { Create, Start, Kill, Delete, Pause, Resume, State }

/// <summary>
/// Where a container is in the model, finer than its status: a paused container is created or
/// running again when thawed, depending on whether it was started.
/// </summary>
public enum Phase { None, Created, Running, PausedCreated, PausedRunning, Stopped }

/// <summary>
/// The model of the runtime-spec's transitions (<see cref="Transitions.Refusal"/>), with runc's
/// behaviour where the spec is silent. A null status is "no such container".
/// </summary>
public sealed record LifecycleModel(ContainerStatus? Status, bool Started)
{
    public static readonly LifecycleModel None = new(null, false);

    public Phase Phase => Status switch
    {
        null => Phase.None,
        ContainerStatus.Created => Phase.Created,
        ContainerStatus.Running => Phase.Running,
        ContainerStatus.Paused => Started ? Phase.PausedRunning : Phase.PausedCreated,
        _ => Phase.Stopped,
    };

    /// <summary>Whether the command should succeed, and the model after it.</summary>
    public (bool Ok, LifecycleModel Next) Apply(Op op)
    {
        if (op == Op.Create) return Status is null ? (true, new LifecycleModel(ContainerStatus.Created, false)) : (false, this);
        if (Status is not { } s) return (false, this);
        var operation = op switch
        {
            Op.Start => Operation.Start, Op.Kill => Operation.Kill, Op.Delete => Operation.Delete,
            Op.Pause => Operation.Pause, Op.Resume => Operation.Resume, _ => Operation.State,
        };
        if (Transitions.Refusal(s, operation, "x").IsSome) return (false, this);
        return (true, op switch
        {
            Op.Start => this with { Status = ContainerStatus.Running, Started = true },
            // SIGKILL stops a paused container as well: kill thaws it so the signal lands (runc does).
            Op.Kill => this with { Status = ContainerStatus.Stopped },
            Op.Delete => None,
            Op.Pause => this with { Status = ContainerStatus.Paused },
            // runc: a paused created container is created again once thawed (its init still waits for start).
            Op.Resume => this with { Status = Started ? ContainerStatus.Running : ContainerStatus.Created },
            _ => this,
        });
    }

    /// <summary>Every (phase, command) pair: the transitions, allowed and refused, a run should exercise.</summary>
    public static IReadOnlyList<(Phase Phase, Op Op)> AllTransitions { get; } =
        [.. from phase in Enum.GetValues<Phase>() from op in Enum.GetValues<Op>() select (phase, op)];
}
