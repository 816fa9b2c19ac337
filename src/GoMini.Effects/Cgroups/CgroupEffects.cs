namespace GoMini.Effects.Cgroups;

/// <summary>The cgroup syscalls of the interpreter: mkdir, writes, joining, removal, OOM checks.</summary>
public static class CgroupEffects
{
    // CONTRACT (owned by the cgroups work). All throw SyscallException on failure.
    public static void Create(string path) => throw new NotImplementedException();
    public static void Write(string path, string value) => throw new NotImplementedException();
    /// <summary>Puts <paramref name="pid"/> into the cgroup directory <paramref name="path"/>.</summary>
    public static void Join(string path, int pid) => throw new NotImplementedException();
    /// <summary>Kills what is left inside, then removes the directory; never throws for an absent one.</summary>
    public static void Remove(string path) => throw new NotImplementedException();
    /// <summary>Whether the memory controller of any of these cgroup directories recorded an OOM kill.</summary>
    public static bool WasOomKilled(IEnumerable<string> cgroupDirectories) => false;
}
