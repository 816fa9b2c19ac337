using System.Text;
using GoMini.Effects.Native;
using static GoMini.Effects.Cgroups.CgroupNative;

namespace GoMini.Effects.Cgroups;

/// <summary>The cgroup syscalls of the interpreter: mkdir, writes, joining, removal, OOM checks.</summary>
public static class CgroupEffects
{
    /// <summary>mkdir of one cgroup directory; the plan lists every directory gomini creates, parents first.</summary>
    public static void Create(string path)
    {
        if (Mkdir(path, 0b111_101_101) != 0) throw new SyscallException("mkdir", path, CgroupNative.Errno);
    }

    /// <summary>
    /// A parent of the container's cgroup: mkdir unless it exists. If gomini made it, it is recorded in
    /// the ledger (held locked by the caller) and gets its "file=value" writes; an existing one is left as
    /// it is. Returns whether gomini created it.
    /// </summary>
    public static bool Ensure(string path, IEnumerable<string> whenCreated, CgroupLedger ledger)
    {
        if (Mkdir(path, 0b111_101_101) != 0)
        {
            if (CgroupNative.Errno == EEXIST && Directory.Exists(path)) return false;
            throw new SyscallException("mkdir", path, CgroupNative.Errno);
        }
        ledger.Record(path);
        foreach (var write in whenCreated)
        {
            var at = write.IndexOf('=');
            Write(Path.Combine(path, write[..at]), write[(at + 1)..]);
        }
        return true;
    }

    /// <summary>
    /// Removes a parent if gomini created it and nothing is inside any more (the last container to leave
    /// it); kept while another container's cgroup is inside (EBUSY/ENOTEMPTY), never touched if not gomini's.
    /// </summary>
    public static void Release(string path)
    {
        using var ledger = CgroupLedger.Lock();
        if (!ledger.Records(path)) return;
        if (Rmdir(path) == 0 || CgroupNative.Errno == ENOENT)
        {
            ledger.Forget(path);
            return;
        }
        var errno = CgroupNative.Errno;
        if (errno is EBUSY or ENOTEMPTY) return;
        throw new SyscallException("rmdir", path, errno);
    }

    /// <summary>One write(2) of the whole value: cgroupfs takes a value per write and answers with errno.</summary>
    public static unsafe void Write(string path, string value)
    {
        var fd = Open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0) throw new SyscallException("open", path, CgroupNative.Errno);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            fixed (byte* p = bytes)
            {
                nint n;
                do n = CgroupNative.Write(fd, p, bytes.Length); while (n < 0 && CgroupNative.Errno == EINTR);
                if (n < 0) throw new SyscallException("write", path, CgroupNative.Errno);
            }
        }
        finally { Close(fd); }
    }

    /// <summary>Puts <paramref name="pid"/> into the cgroup directory <paramref name="path"/>.</summary>
    public static void Join(string path, int pid) => Write(Path.Combine(path, "cgroup.procs"), pid.ToString());

    /// <summary>Kills what is left inside, then removes the directory; never throws for an absent one.</summary>
    public static void Remove(string path)
    {
        if (!Directory.Exists(path)) return;
        KillAll(path);
        // A killed task may hold the cgroup busy for a moment after it left cgroup.procs.
        for (var attempt = 0; ; attempt++)
        {
            if (Rmdir(path) == 0) return;
            var errno = CgroupNative.Errno;
            if (errno == ENOENT) return;
            if (errno != EBUSY || attempt >= 200) throw new SyscallException("rmdir", path, errno);
            Thread.Sleep(10);
        }
    }

    /// <summary>
    /// SIGKILLs every process in the cgroup until it is empty: cgroup.kill where the kernel has it (v2, 5.14+),
    /// otherwise pid by pid, repeated because a process may fork while we read the list (bounded: ~2 s).
    /// </summary>
    public static void KillAll(string path)
    {
        var killFile = Path.Combine(path, "cgroup.kill");
        if (File.Exists(killFile)) Write(killFile, "1");
        var frozen = IsFrozen(path);
        for (var round = 0; round < 200; round++)
        {
            var pids = Pids(path);
            if (pids.Count == 0) return;
            foreach (var pid in pids) Kill(pid, SIGKILL);
            // SIGKILL is not acted on by a frozen task: let it run to die.
            if (frozen) { Thaw(path); frozen = false; }
            Thread.Sleep(round == 0 ? 1 : 10);
        }
    }

    /// <summary>Whether the memory controller of any of these cgroup directories recorded an OOM kill.</summary>
    public static bool WasOomKilled(IEnumerable<string> cgroupDirectories) =>
        cgroupDirectories.Any(dir =>
            Counter(Path.Combine(dir, "memory.events"), "oom_kill") > 0          // v2
            || Counter(Path.Combine(dir, "memory.oom_control"), "oom_kill") > 0); // v1 (kernel 4.13+)

    /// <summary>The processes in the cgroup (cgroup.procs); empty if it is gone.</summary>
    public static IReadOnlyList<int> Pids(string path)
    {
        var text = ReadOrNull(Path.Combine(path, "cgroup.procs"));
        if (text is null) return [];
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    }

    /// <summary>"key value" lines (memory.events, memory.oom_control, cpu.stat): the value of key, or -1.</summary>
    public static long Counter(string file, string key)
    {
        var text = ReadOrNull(file);
        if (text is null) return -1;
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], out var v)) return v;
        }
        return -1;
    }

    /// <summary>A cgroup (or /proc) file's text; null when it does not exist (the controller or the cgroup is not there).</summary>
    public static string? ReadOrNull(string file)
    {
        try { return File.ReadAllText(file); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    private static bool IsFrozen(string path) =>
        ReadOrNull(Path.Combine(path, "freezer.state"))?.Trim() is "FROZEN" or "FREEZING"
        || Counter(Path.Combine(path, "cgroup.events"), "frozen") == 1;

    public static void Freeze(string path) => CgroupFreezer.Set(path, frozen: true);

    public static void Thaw(string path) => CgroupFreezer.Set(path, frozen: false);

    /// <summary>Memory in use, CPU time used and tasks, from whichever of these directories has the files.</summary>
    public static CgroupStats Stats(IEnumerable<string> cgroupDirectories) => CgroupStats.Read(cgroupDirectories.ToArray());
}
