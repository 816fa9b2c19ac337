using GoMini.Domain.Linux;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// The container's filesystem: private propagation, the rootfs bind, the config's mounts in order,
/// the default /dev, the configured devices, the switch of root, and a read-only root.
/// </summary>
public static class RootfsPlanner
{
    public static RootfsPlan Plan(PlanInput input)
    {
        var rootfs = Paths.Rootfs(input);
        var mounts = (input.Spec.Mounts ?? []).Select((m, i) => (Mount: m, Path: $"mounts[{i}]")).ToSeq().Strict();
        var propagation = RootPropagation(input.Spec.Linux?.RootfsPropagation);

        var steps = Seq<Step>(
            new SetMountPropagation("/", propagation.Flags, propagation.Reason),
            new BindRootfs(rootfs, "root.path: pivot_root needs the rootfs to be a mount point"));
        steps = steps.Then(DefaultDev.Mounts(mounts.Map(m => m.Mount)));
        steps = steps.Then(mounts.Bind(m => MountSteps.For(input, m.Mount, m.Path, rootfs)));
        steps = steps.Then(DefaultDev.Nodes(input, mounts.Map(m => m.Mount)));

        Step pivot = input.Options.NoPivot
            ? new ChangeRoot(rootfs, "--no-pivot: move the rootfs onto / and chroot into it")
            : new PivotRoot(rootfs, "root.path: make the rootfs the container's /, and detach the host's root");

        var after = input.Spec.Root?.Readonly == true
            ? Seq1<Step>(new RemountReadonly("/", "root.readonly"))
            : Seq<Step>();
        return new RootfsPlan(steps, pivot, after);
    }

    private static (ulong Flags, string Reason) RootPropagation(string? configured)
    {
        var flags = configured switch
        {
            "shared" or "rshared" => MountFlags.Shared,
            "slave" or "rslave" => MountFlags.Slave,
            "unbindable" or "runbindable" => MountFlags.Unbindable,
            _ => MountFlags.Private,
        };
        return configured is null
            ? (MountFlags.Rec | MountFlags.Private, "keep the container's mounts from propagating to the host")
            : (MountFlags.Rec | flags, "linux.rootfsPropagation");
    }
}
