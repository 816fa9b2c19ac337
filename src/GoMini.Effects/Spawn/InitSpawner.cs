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

    /// <param name="executable">what to spawn instead of gomini's own path (a sealed memfd copy, see Lifecycle/SealedSelf)</param>
    /// <param name="preserveFds">--preserve-fds: fds 3.. the child inherits as they are (see <see cref="PreservedFds"/>)</param>
    public static InitChild Spawn(SpawnInit step, string? executable = null, int preserveFds = 0)
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
            try { pid = SpawnHere(flags, joins, childEnd, executable, fds); }
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
    private static int SpawnHere(int flags, NamespaceJoin[] joins, int childEnd, string? executable, ChildFds fds)
    {
        // setns into a mount namespace is refused while the fs struct is shared with other threads.
        if ((flags & Libc.CLONE_NEWNS) != 0 || Array.Exists(joins, j => j.Kind == NamespaceKind.Mount))
            Libc.Check(Libc.unshare(Libc.CLONE_FS), "unshare", "CLONE_FS");
        foreach (var join in joins)
        {
            if (join.Kind == NamespaceKind.User)
                throw new NotSupportedException($"joining a user namespace ({join.Path}) is not supported yet");
            var fd = Libc.Check(Libc.open(join.Path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0), "open", join.Path);
            try { Libc.Check(Libc.setns(fd, 0), "setns", join.Path); }
            finally { Libc.close(fd); }
        }
        if (flags != 0)
            Libc.Check(Libc.unshare(flags), "unshare", FlagNames(flags));
        if ((flags & Libc.CLONE_NEWNS) != 0 && executable is null)
            ProtectOwnBinary();
        return PosixSpawnInit(childEnd, executable, fds);
    }

    /// <summary>
    /// CVE-2019-5736 without copying the binary: in the new mount namespace only (made private first,
    /// so nothing propagates to the host), gomini's binary is bound read-only onto itself before it is
    /// spawned. The init child's /proc/&lt;pid&gt;/exe then lives on a read-only mount, and opening it for
    /// writing from inside the container fails with EROFS — as runc 1.2 does, at the cost of three
    /// mount calls instead of a copy of the whole binary into a sealed memfd (8-15 ms here).
    /// </summary>
    private static void ProtectOwnBinary()
    {
        var self = Environment.ProcessPath;
        // Under the JIT the binary is `dotnet`, shared by everything: nothing of gomini's own to protect.
        if (self is null || Path.GetFileName(self) == "dotnet") return;
        Libc.Check(Libc.Mount(null, "/", null, MountFlags.Rec | MountFlags.Private, null), "mount", "/ (MS_REC|MS_PRIVATE)");
        Libc.Check(Libc.Mount(self, self, null, MountFlags.Bind, null), "mount", self);
        Libc.Check(Libc.Mount(null, self, null, MountFlags.Bind | MountFlags.Remount | MountFlags.ReadOnly, null), "mount", $"{self} (read-only)");
    }

    /// <summary>Where the child finds its sync socket, and how many fds above 2 it passes on.</summary>
    private sealed record ChildFds(int Sync, int Preserved);

    private static int PosixSpawnInit(int childEnd, string? executable, ChildFds fds)
    {
        var self = executable ?? Environment.ProcessPath ?? "/proc/self/exe";
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
