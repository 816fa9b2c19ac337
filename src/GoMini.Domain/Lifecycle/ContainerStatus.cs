namespace GoMini.Domain.Lifecycle;

/// <summary>The runtime-spec's container states; the lowercase name is what `state` prints.</summary>
public enum ContainerStatus { Creating, Created, Running, Paused, Stopped }

/// <summary>The operations of the spec and runc's CLI that depend on the container's state.</summary>
public enum Operation { Start, Kill, Delete, ForceDelete, Pause, Resume, Exec, Update, State }

public static class ContainerStatusNames
{
    public static string Name(this ContainerStatus status) => status switch
    {
        ContainerStatus.Creating => "creating",
        ContainerStatus.Created => "created",
        ContainerStatus.Running => "running",
        ContainerStatus.Paused => "paused",
        _ => "stopped",
    };
}
