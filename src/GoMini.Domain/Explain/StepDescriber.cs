using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;

namespace GoMini.Domain.Explain;

/// <summary>Each step in plain words and as the exact system calls it makes: explain, --verbose and errors use it.</summary>
public static class StepDescriber
{
    public static StepText Describe(Step step) => step switch
    {
        CreateCgroup s => new($"create the cgroup {s.Path}", $"mkdir(\"{s.Path}\", 0755)"),
        WriteCgroupFile s => new($"write {s.Value} to {FileName(s.Path)}", $"write(\"{s.Path}\", \"{s.Value}\")"),
        SpawnInit s => new("start the init child in new namespaces",
            $"unshare({Flags(s)}){Joins(s)}; posix_spawn(\"/proc/self/exe\", [\"gomini\", \"init\"]) with the sync socket as fd 3"),
        JoinCgroup s => new($"put the init child into {s.Path}", $"write(\"{s.Path}/cgroup.procs\", <init pid>)"),
        RunHook s => new($"run the {Lifecycle.HookPlanner.SpecName(s.Point)} hook {s.Path}", $"posix_spawn(\"{s.Path}\", [{Quote(s.Args)}]) with the state JSON on stdin"),
        ReleaseInit => new("send the init steps to the child and let it go", "write(<sync socket>, <init steps as JSON>)"),
        WaitForExit => new("wait for the container process, relaying signals to it", "waitpid(<init pid>, &status, 0)"),
        RemoveCgroup s => new($"remove the cgroup {s.Path}", $"kill(<each pid left>, SIGKILL); rmdir(\"{s.Path}\")"),
        EnsureCgroup s => new($"create the parent cgroup {s.Path} unless it exists",
            $"mkdir(\"{s.Path}\", 0755), EEXIST accepted; only if it made it: record it in the cgroup ledger"
            + string.Concat(s.WhenCreated.Map(w => $", write(\"{s.Path}/{w[..Math.Max(0, w.IndexOf('='))]}\", \"{w[(w.IndexOf('=') + 1)..]}\")"))),
        ReleaseCgroup s => new($"remove the parent cgroup {s.Path} if gomini made it and no container uses it",
            $"flock(<cgroup ledger>); rmdir(\"{s.Path}\") only if the ledger records it, EBUSY/ENOTEMPTY: kept for the others"),
        UnshareNamespace s => new($"enter a new {NamespaceNames.SpecName(s.Kind)} namespace", $"unshare({NamespaceNames.CloneFlag(s.Kind)})"),
        JoinNamespace s => new($"join the {NamespaceNames.SpecName(s.Kind)} namespace {s.Path}",
            $"unshare(CLONE_FS); setns(open(\"{s.Path}\"), {NamespaceNames.CloneFlag(s.Kind)})"),
        BringUpLoopback => new("bring the loopback interface up", "ioctl(socket, SIOCSIFFLAGS, {\"lo\", IFF_UP})"),
        SetMountPropagation s => new($"set mount propagation of {s.Target}", $"mount(NULL, \"{s.Target}\", NULL, {MountFlags.Describe(s.Flags)}, NULL)"),
        BindRootfs s => new("bind the rootfs onto itself", $"mount(\"{s.Rootfs}\", \"{s.Rootfs}\", NULL, MS_BIND|MS_REC, NULL)"),
        MountFilesystem s when s.FsType == "bind" => new($"bind {s.Source} on {s.Destination}",
            $"mount(\"{s.Source}\", \"<rootfs>{s.Destination}\", NULL, {MountFlags.Describe(s.Flags)}, NULL)"),
        MountFilesystem s => new($"mount {s.FsType} on {s.Destination}",
            $"mount(\"{s.Source}\", \"<rootfs>{s.Destination}\", \"{s.FsType}\", {MountFlags.Describe(s.Flags)}, {Data(s.Data)})"),
        Remount s => new($"remount {s.Destination} with its flags", $"mount(NULL, \"<rootfs>{s.Destination}\", NULL, MS_REMOUNT|{MountFlags.Describe(s.Flags)}, NULL)"),
        MakeDevice s => new($"create the device {s.Path}", $"mknod(\"<rootfs>{s.Path}\", {DeviceType(s.Kind)}|0{Convert.ToString(s.Mode, 8)}, makedev({s.Major}, {s.Minor})); chown({s.Uid}, {s.Gid})"),
        MakeSymlink s => new($"link {s.LinkPath} to {s.Target}", $"symlink(\"{s.Target}\", \"<rootfs>{s.LinkPath}\")"),
        PivotRoot s => new("make the rootfs the root and detach the host's", $"chdir(\"{s.Rootfs}\"); pivot_root(\".\", \".\"); umount2(\".\", MNT_DETACH); chdir(\"/\")"),
        ChangeRoot s => new("move the rootfs onto / and chroot into it", $"mount(\"{s.Rootfs}\", \"/\", NULL, MS_MOVE, NULL); chroot(\".\"); chdir(\"/\")"),
        MaskPath s => new($"mask {s.Path}", $"mount(\"/dev/null\", \"{s.Path}\", NULL, MS_BIND, NULL) for a file, or a read-only tmpfs for a directory"),
        RemountReadonly s => new($"make {s.Path} read-only", $"mount(\"{s.Path}\", \"{s.Path}\", NULL, MS_BIND|MS_REC, NULL); mount(NULL, \"{s.Path}\", NULL, MS_BIND|MS_REMOUNT|MS_RDONLY, NULL)"),
        SetHostname s => new($"set the hostname to {s.Name}", $"sethostname(\"{s.Name}\", {s.Name.Length})"),
        SetDomainname s => new($"set the domain name to {s.Name}", $"setdomainname(\"{s.Name}\", {s.Name.Length})"),
        WriteSysctl s => new($"set sysctl {s.Key} = {s.Value}", $"write(\"/proc/sys/{s.Key.Replace('.', '/')}\", \"{s.Value}\")"),
        SetRlimit s => new($"limit {s.Resource} to {s.Soft} (hard {s.Hard})", $"setrlimit({s.Resource}, {{{s.Soft}, {s.Hard}}})"),
        SetOomScoreAdj s => new($"set the OOM score adjustment to {s.Score}", $"write(\"/proc/self/oom_score_adj\", \"{s.Score}\")"),
        SetPersonality s => new($"set the execution domain 0x{s.Persona:x}", $"personality(0x{s.Persona:x})"),
        SetNoNewPrivileges => new("forbid gaining privileges through exec (setuid bits, file caps)", "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)"),
        KeepCapabilities => new("keep the permitted capabilities across the change of uid", "prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0)"),
        SetGroups s => new($"set the supplementary groups to [{string.Join(", ", s.Gids)}]", $"setgroups({s.Gids.Count}, [{string.Join(", ", s.Gids)}])"),
        SetUser s => new($"become uid {s.Uid}, gid {s.Gid}", $"setresgid({s.Gid}, {s.Gid}, {s.Gid}); setresuid({s.Uid}, {s.Uid}, {s.Uid})"),
        DropBoundingCapabilities s => new($"drop {s.Drop.Count} capabilities from the bounding set", $"prctl(PR_CAPBSET_DROP, cap) for each of {Short(s.Drop)}"),
        SetCapabilities s => new("set the effective, permitted and inheritable capabilities",
            $"capset(v3, effective=[{Short(s.Effective)}], permitted=[{Short(s.Permitted)}], inheritable=[{Short(s.Inheritable)}])"),
        RaiseAmbientCapabilities s => new("raise the ambient capabilities", $"prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap) for each of {Short(s.Ambient)}"),
        SetUmask s => new($"set the umask to 0{Convert.ToString(s.Mask, 8)}", $"umask(0{Convert.ToString(s.Mask, 8)})"),
        ChangeDirectory s => new($"change to the working directory {s.Path}", $"chdir(\"{s.Path}\")"),
        LoadSeccompFilter s => new($"install the seccomp filter ({s.Rules} rules, {s.Instructions} BPF instructions)",
            $"seccomp(SECCOMP_SET_MODE_FILTER, 0x{s.Flags:x}, {{len={s.Instructions}, filter}})"),
        SetupConsole s => new($"create the terminal and send its master to {s.SocketPath ?? "gomini, which relays it"}",
            $"open(\"/dev/ptmx\"); ioctl(TIOCSPTLCK, 0); ioctl(TIOCGPTN); sendmsg(<console socket>, SCM_RIGHTS master); " +
            $"ioctl(TIOCSWINSZ, {s.Height}x{s.Width}); setsid(); ioctl(slave, TIOCSCTTY); dup2(slave, 0/1/2)"),
        RunContainerHook s => new($"run the {Lifecycle.HookPlanner.SpecName(s.Point)} hook {s.Path} in the container's namespaces",
            $"posix_spawn(\"{s.Path}\", [{Quote(s.Args)}]) from the init child{(s.Point == HookPoint.CreateContainer ? " before pivot_root" : " inside the container's root")}, the state JSON on stdin"),
        WaitForStart => new("wait until `gomini start`", "open(\"<state>/exec.fifo\", O_WRONLY) blocks until start opens it"),
        ExecProcess s => new($"run {Quote(s.Args)}", $"execve(\"{(s.Args.IsEmpty ? "" : s.Args.Head)}\" found in PATH, [{Quote(s.Args)}], <{s.Env.Count} env vars>)"),
        _ => new(step.GetType().Name, step.GetType().Name),
    };

    private static string Flags(SpawnInit s) => s.Create.IsEmpty ? "0" : string.Join("|", s.Create.Map(NamespaceNames.CloneFlag));

    private static string Joins(SpawnInit s) => string.Concat(s.Join.Map(j => $"; setns(open(\"{j.Path}\"), {NamespaceNames.CloneFlag(j.Kind)})"));

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Data(string data) => data.Length == 0 ? "NULL" : $"\"{data}\"";

    private static string Quote(IEnumerable<string> args) => string.Join(", ", args.Select(a => $"\"{a}\""));

    private static string Short(IEnumerable<string> caps) => string.Join(", ", caps.Select(c => c.StartsWith("CAP_") ? c[4..] : c));

    private static string DeviceType(char kind) => kind switch { 'b' => "S_IFBLK", 'p' => "S_IFIFO", _ => "S_IFCHR" };
}
