using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Spawn;

/// <summary>The running init child: its host pid and the parent's end of the sync socket.</summary>
public sealed record InitChild(int Pid, int SyncFd);

/// <summary>
/// Starts `gomini init` inside new namespaces without fork: a dedicated thread setns()es into the
/// namespaces to join and unshare()s the new ones (for these flags the kernel changes only the
/// calling thread), then posix_spawn()s gomini's own binary there. The thread then ends, taking its
/// namespaces with it; the rest of gomini never leaves the host's. See DESIGN.md.
/// </summary>
public static unsafe class InitSpawner
{
    /// <summary>The fd number the init child finds its end of the sync socket at (told in GOMINI_SYNC_FD), without --preserve-fds.</summary>
    public const int SyncFd = 3;

    /// <param name="joinsMountLater">the child joins the container's mount namespace itself (exec): the thread makes
    /// it a private one first, where gomini's binary is bound read-only (see <see cref="OwnBinaryGuard"/>)</param>
    /// <param name="preserveFds">--preserve-fds: fds 3.. the child inherits as they are (see <see cref="PreservedFds"/>)</param>
    public static InitChild Spawn(SpawnInit step, bool joinsMountLater = false, int preserveFds = 0)
    {
        var fds = new ChildFds(PreservedFds.SyncFdNumber(preserveFds), preserveFds);
        var flags = CloneFlags(step.Create);
        var joins = step.Join.ToArray();
        int* pair = stackalloc int[2];
        Libc.Check(Libc.socketpair(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0, pair), "socketpair", "sync channel");
        int parentEnd = pair[0], childEnd = pair[1];

        var pid = 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { pid = SpawnHere(flags, joins, childEnd, joinsMountLater, fds); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Libc.close(childEnd);
        if (failure != null)
        {
            Libc.close(parentEnd);
            throw failure;
        }
        return new InitChild(pid, parentEnd);
    }

    private static int CloneFlags(LanguageExt.Seq<NamespaceKind> create)
    {
        var flags = 0;
        foreach (var kind in create)
            flags |= kind switch
            {
                NamespaceKind.Pid => Libc.CLONE_NEWPID,
                NamespaceKind.Network => Libc.CLONE_NEWNET,
                NamespaceKind.Mount => Libc.CLONE_NEWNS,
                NamespaceKind.Ipc => Libc.CLONE_NEWIPC,
                NamespaceKind.Uts => Libc.CLONE_NEWUTS,
                NamespaceKind.Time => Libc.CLONE_NEWTIME,
                // The init child unshares it itself, once the parent has put it into its cgroup.
                NamespaceKind.Cgroup => 0,
                NamespaceKind.User => throw new NotSupportedException(
                    "user namespaces are not supported yet (linux.namespaces: remove the \"user\" entry)"),
                _ => throw new NotSupportedException($"namespace {kind} is not supported"),
            };
        return flags;
    }

    /// <summary>Runs on the throwaway thread: from here on this thread is in the container's namespaces.</summary>
    private static int SpawnHere(int flags, NamespaceJoin[] joins, int childEnd, bool joinsMountLater, ChildFds fds)
    {
        // setns into a mount namespace, and unshare of one, are refused while the fs struct is shared with other threads.
        if ((flags & Libc.CLONE_NEWNS) != 0 || joinsMountLater || Array.Exists(joins, j => j.Kind == NamespaceKind.Mount))
            Libc.Check(Libc.unshare(Libc.CLONE_FS), "unshare", "CLONE_FS");
        foreach (var join in joins)
        {
            if (join.Kind == NamespaceKind.User)
                throw new NotSupportedException($"joining a user namespace ({join.Path}) is not supported yet");
            var fd = Libc.Check(Libc.open(join.Path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0), "open", join.Path);
            try { Libc.Check(Libc.setns(fd, 0), "setns", join.Path); }
            finally { Libc.close(fd); }
        }
        if (joinsMountLater)
            flags |= Libc.CLONE_NEWNS;
        if (flags != 0)
            Libc.Check(Libc.unshare(flags), "unshare", FlagNames(flags));
        if ((flags & Libc.CLONE_NEWNS) != 0)
            OwnBinaryGuard.Protect();
        return PosixSpawnInit(childEnd, fds);
    }

    /// <summary>Where the child finds its sync socket, and how many fds above 2 it passes on.</summary>
    private sealed record ChildFds(int Sync, int Preserved);

    private static int PosixSpawnInit(int childEnd, ChildFds fds)
    {
        var self = Environment.ProcessPath ?? "/proc/self/exe";
        // Under `dotnet gomini.dll` (development) the host needs the assembly path again.
        string[] argv = Path.GetFileName(self) == "dotnet"
            ? ["gomini", Environment.GetCommandLineArgs()[0], "init"]
            : ["gomini", "init"];

        var actions = stackalloc byte[256];
        var attributes = stackalloc byte[512];
        var empty = stackalloc byte[128];
        var all = stackalloc byte[128];
        Libc.posix_spawn_file_actions_init(actions);
        Libc.posix_spawnattr_init(attributes);
        try
        {
            // dup2 clears O_CLOEXEC on the sync fd (glibc does so even when the numbers are equal).
            Libc.posix_spawn_file_actions_adddup2(actions, childEnd, fds.Sync);
            Libc.sigemptyset(empty);
            Libc.sigfillset(all);
            // The child starts with no blocked signal and every disposition at its default (.NET ignores SIGPIPE).
            Libc.posix_spawnattr_setsigmask(attributes, empty);
            Libc.posix_spawnattr_setsigdefault(attributes, all);
            Libc.posix_spawnattr_setflags(attributes, Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF);

            using var args = new NativeStrings(argv);
            using var env = new NativeStrings(ChildEnvironment(fds));
            using var path = new NativeStrings([self]);
            int pid;
            var error = Libc.posix_spawn(&pid, path[0], actions, attributes, args.Pointer, env.Pointer);
            if (error != 0)
                throw new SyscallException("posix_spawn", self, error);
            return pid;
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attributes);
        }
    }

    private static List<string> ChildEnvironment(ChildFds fds)
    {
        var env = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            if ((string)entry.Key is not "GOMINI_SYNC_FD" and not PreservedFds.Variable)
                env.Add($"{entry.Key}={entry.Value}");
        env.Add($"GOMINI_SYNC_FD={fds.Sync}");
        if (fds.Preserved > 0)
            env.Add($"{PreservedFds.Variable}={fds.Preserved}");
        return env;
    }

    private static string FlagNames(int flags)
    {
        var names = new List<string>();
        if ((flags & Libc.CLONE_NEWPID) != 0) names.Add("CLONE_NEWPID");
        if ((flags & Libc.CLONE_NEWNET) != 0) names.Add("CLONE_NEWNET");
        if ((flags & Libc.CLONE_NEWNS) != 0) names.Add("CLONE_NEWNS");
        if ((flags & Libc.CLONE_NEWIPC) != 0) names.Add("CLONE_NEWIPC");
        if ((flags & Libc.CLONE_NEWUTS) != 0) names.Add("CLONE_NEWUTS");
        if ((flags & Libc.CLONE_NEWTIME) != 0) names.Add("CLONE_NEWTIME");
        return string.Join('|', names);
    }
}
