using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Process;

/// <summary>
/// The last init step: execve of the container process, with PATH searched inside the container like
/// execvp (PATH from the process env, else the usual default). Only fds 0-2 (and --preserve-fds) survive it.
/// </summary>
public static unsafe class Exec
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private const int SIG_SETMASK = 2;

    /// <summary>Returns only by throwing: the exec failed.</summary>
    public static void Run(ExecProcess step, int syncFd)
    {
        var args = step.Args.ToArray();
        if (args.Length == 0)
            throw new NotSupportedException("process.args is empty");
        var env = step.Env.ToArray();
        var name = args[0];
        var candidates = name.Contains('/') ? [name] : Candidates(name, SearchPath(env));

        using var argv = new NativeStrings(args);
        using var envp = new NativeStrings(env);
        using var paths = new NativeStrings(candidates);
        PrepareForExec();

        var denied = false;
        for (var i = 0; i < candidates.Length; i++)
        {
            Libc.execve(paths[i], argv.Pointer, envp.Pointer);
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (candidates.Length > 1 && errno is Libc.ENOENT or Libc.ENOTDIR)
                continue;
            if (candidates.Length > 1 && errno == Libc.EACCES)
            {
                denied = true;
                continue;
            }
            throw new SyscallException("execve", candidates[i], errno);
        }
        throw new SyscallException("execve", name, denied ? Libc.EACCES : Libc.ENOENT);
    }

    /// <summary>
    /// Every fd above 2 closes at exec (the sync socket among them: its EOF tells the parent the exec
    /// happened), except the --preserve-fds ones. Ignored signals survive exec, so SIGPIPE (ignored by .NET) goes back to default, and
    /// nothing stays blocked. Handlers need no reset: exec resets them.
    /// </summary>
    private static void PrepareForExec()
    {
        Spawn.PreservedFds.CloseTheRestAtExec();
        Libc.signal(Libc.SIGPIPE, 0);
        var empty = stackalloc byte[128];
        Libc.sigemptyset(empty);
        Libc.sigprocmask(SIG_SETMASK, empty, null);
    }

    private static string SearchPath(string[] env)
    {
        foreach (var entry in env)
            if (entry.StartsWith("PATH=", StringComparison.Ordinal))
                return entry[5..];
        return DefaultPath;
    }

    private static string[] Candidates(string name, string path)
    {
        var dirs = path.Split(':');
        var result = new string[dirs.Length];
        for (var i = 0; i < dirs.Length; i++)
            result[i] = (dirs[i].Length == 0 ? "." : dirs[i].TrimEnd('/')) + "/" + name;
        return result;
    }
}
