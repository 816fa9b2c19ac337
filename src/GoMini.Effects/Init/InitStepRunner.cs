using System.Text;
using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Effects.Filesystem;
using GoMini.Effects.Native;
using GoMini.Effects.Process;
using GoMini.Effects.Seccomp;

namespace GoMini.Effects.Init;

/// <summary>
/// The init child's interpreter: one case per step record, each about one syscall. Runs on the main
/// thread, which matters: credentials, capabilities, no_new_privs and seccomp are per thread, and the
/// exec from this thread is what the container process inherits.
/// </summary>
public sealed unsafe class InitStepRunner(string rootfs, int syncFd)
{
    public void Run(Step step)
    {
        if (FilesystemEffects.Handles(step))
        {
            FilesystemEffects.Apply(step, rootfs);
            return;
        }
        switch (step)
        {
            case UnshareNamespace s:
                Libc.Check(Libc.unshare(Flag(s.Kind)), "unshare", s.Kind.ToString());
                break;
            case JoinNamespace s:
                Lifecycle.NamespaceJoiner.Join(s);
                break;
            case BringUpLoopback:
                Loopback.BringUp();
                break;
            case SetHostname s:
                fixed (byte* name = Encoding.UTF8.GetBytes(s.Name))
                    Libc.Check(Libc.sethostname(name, Encoding.UTF8.GetByteCount(s.Name)), "sethostname", s.Name);
                break;
            case SetDomainname s:
                fixed (byte* name = Encoding.UTF8.GetBytes(s.Name))
                    Libc.Check(Libc.setdomainname(name, Encoding.UTF8.GetByteCount(s.Name)), "setdomainname", s.Name);
                break;
            case WriteSysctl s:
                Libc.WriteFile("/proc/sys/" + s.Key.Replace('.', '/'), s.Value);
                break;
            case SetRlimit s:
                var limit = stackalloc ulong[2] { s.Soft, s.Hard };
                var resource = Rlimits.Number(s.Resource)
                    .IfNone(() => throw new NotSupportedException($"unknown rlimit {s.Resource}"));
                Libc.Check(Libc.setrlimit(resource, limit), "setrlimit", s.Resource);
                break;
            case SetOomScoreAdj s:
                Libc.WriteFile("/proc/self/oom_score_adj", s.Score.ToString());
                break;
            case SetPersonality s:
                Libc.Check(Libc.personality(s.Persona), "personality", $"0x{s.Persona:x}");
                break;
            case SetNoNewPrivileges:
                Libc.Check(Libc.prctl(Libc.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl", "PR_SET_NO_NEW_PRIVS");
                break;
            case KeepCapabilities:
                Libc.Check(Libc.prctl(Libc.PR_SET_KEEPCAPS, 1, 0, 0, 0), "prctl", "PR_SET_KEEPCAPS");
                break;
            case SetGroups s:
                var gids = s.Gids.ToArray();
                Libc.Check(ThreadCredentials.SetGroups(gids), "setgroups", string.Join(",", gids));
                break;
            case SetUser s:
                Libc.Check(ThreadCredentials.SetResGid(s.Gid), "setresgid", s.Gid.ToString());
                Libc.Check(ThreadCredentials.SetResUid(s.Uid), "setresuid", s.Uid.ToString());
                break;
            case DropBoundingCapabilities s:
                Credentials.DropBounding(s.Drop);
                break;
            case SetCapabilities s:
                Credentials.Set(s.Effective, s.Permitted, s.Inheritable);
                break;
            case RaiseAmbientCapabilities s:
                Credentials.RaiseAmbient(s.Ambient);
                break;
            case SetUmask s:
                Libc.umask(s.Mask);
                break;
            case ChangeDirectory s:
                Libc.Check(Libc.chdir(s.Path), "chdir", s.Path);
                break;
            case LoadSeccompFilter s:
                SeccompLoader.Load(s);
                break;
            case SetupConsole s:
                Lifecycle.ConsoleSetup.Run(s);
                break;
            case WaitForStart:
                Lifecycle.ExecFifo.WaitForStart(syncFd);
                break;
            case ExecProcess s:
                Exec.Run(s, syncFd);
                break;
            default:
                throw new NotSupportedException($"the init child cannot run a {step.GetType().Name} step");
        }
    }

    private static int Flag(NamespaceKind kind) => kind switch
    {
        NamespaceKind.Cgroup => Libc.CLONE_NEWCGROUP,
        NamespaceKind.Uts => Libc.CLONE_NEWUTS,
        NamespaceKind.Ipc => Libc.CLONE_NEWIPC,
        NamespaceKind.Network => Libc.CLONE_NEWNET,
        NamespaceKind.Mount => Libc.CLONE_NEWNS,
        _ => throw new NotSupportedException($"the init child cannot unshare a {kind} namespace"),
    };
}
