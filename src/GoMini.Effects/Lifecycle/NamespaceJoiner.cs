using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// The init child's JoinNamespace step (exec): setns() into the container's mount namespace. The
/// kernel refuses a mount-namespace setns while the fs struct (root, cwd) is shared with other threads,
/// and .NET has several, so the main thread first takes its own copy with unshare(CLONE_FS). The
/// join sets root and cwd to the namespace's root: the container's rootfs after its pivot_root.
/// </summary>
public static class NamespaceJoiner
{
    public static void Join(JoinNamespace step)
    {
        var type = step.Kind switch
        {
            NamespaceKind.Mount => Libc.CLONE_NEWNS,
            NamespaceKind.Cgroup => Libc.CLONE_NEWCGROUP,
            NamespaceKind.Ipc => Libc.CLONE_NEWIPC,
            NamespaceKind.Uts => Libc.CLONE_NEWUTS,
            NamespaceKind.Network => Libc.CLONE_NEWNET,
            _ => throw new NotSupportedException($"the init child cannot join a {step.Kind} namespace itself"),
        };
        if (step.Kind == NamespaceKind.Mount)
            Libc.Check(Libc.unshare(Libc.CLONE_FS), "unshare", "CLONE_FS");
        var fd = Libc.Check(Libc.open(step.Path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0), "open", step.Path);
        try { Libc.Check(Libc.setns(fd, type), "setns", step.Path); }
        finally { Libc.close(fd); }
    }
}
