using GoMini.Domain.Plan;

namespace GoMini.Effects.Interpreter;

/// <summary>A short human description of a step, for `--verbose` and error lines ("mount proc on /proc").</summary>
public static class StepText
{
    public static string Describe(Step step) => step switch
    {
        CreateCgroup s => $"create cgroup {s.Path}",
        WriteCgroupFile s => $"write {s.Value} to {s.Path}",
        SpawnInit s => $"spawn init in new {string.Join(", ", s.Create).ToLowerInvariant()} namespaces" +
                       (s.Join.IsEmpty ? "" : $", joining {string.Join(", ", s.Join.Map(j => j.Path))}"),
        JoinCgroup s => $"put init into cgroup {s.Path}",
        RunHook s => $"run {s.Point} hook {s.Path}",
        ReleaseInit => "release init",
        WaitForExit => "wait for the container to exit",
        RemoveCgroup s => $"remove cgroup {s.Path}",
        UnshareNamespace s => $"unshare {s.Kind.ToString().ToLowerInvariant()} namespace",
        BringUpLoopback => "bring up lo",
        SetMountPropagation s => $"set propagation 0x{s.Flags:x} on {s.Target}",
        BindRootfs s => $"bind rootfs {s.Rootfs} onto itself",
        MountFilesystem s => $"mount {s.FsType} on {s.Destination}",
        Remount s => $"remount {s.Destination} (0x{s.Flags:x})",
        MakeDevice s => $"mknod {s.Path}",
        MakeSymlink s => $"symlink {s.LinkPath} -> {s.Target}",
        PivotRoot s => $"pivot_root into {s.Rootfs}",
        ChangeRoot s => $"chroot into {s.Rootfs}",
        MaskPath s => $"mask {s.Path}",
        RemountReadonly s => $"make {s.Path} read-only",
        SetHostname s => $"set hostname {s.Name}",
        SetDomainname s => $"set domainname {s.Name}",
        WriteSysctl s => $"sysctl {s.Key}={s.Value}",
        SetRlimit s => $"set {s.Resource} {s.Soft}/{s.Hard}",
        SetOomScoreAdj s => $"set oom_score_adj {s.Score}",
        SetPersonality s => $"set personality 0x{s.Persona:x}",
        SetNoNewPrivileges => "set no_new_privs",
        KeepCapabilities => "keep capabilities across setuid",
        SetGroups s => $"set groups [{string.Join(", ", s.Gids)}]",
        SetUser s => $"set uid {s.Uid} gid {s.Gid}",
        DropBoundingCapabilities s => $"drop {s.Drop.Count} bounding capabilities",
        SetCapabilities s => $"set capabilities ({s.Effective.Count} effective)",
        RaiseAmbientCapabilities s => $"raise {s.Ambient.Count} ambient capabilities",
        SetUmask s => $"set umask {Convert.ToString(s.Mask, 8).PadLeft(4, '0')}",
        ChangeDirectory s => $"chdir {s.Path}",
        LoadSeccompFilter s => $"load seccomp filter ({s.Instructions} instructions)",
        WaitForStart => "wait for start",
        ExecProcess s => $"exec {(s.Args.IsEmpty ? "" : s.Args.Head)}",
        _ => step.GetType().Name,
    };
}
