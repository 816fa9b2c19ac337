using System.Text.Json;
using GoMini.Domain.Options;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.Native;

namespace GoMini.Effects.State;

/// <summary>A lifecycle command's failure as the user sees it (runc's wording where engines match on it).</summary>
public sealed class LifecycleException(string message) : Exception(message);

/// <summary>
/// The state directory: one directory per container id under --root (default /run/gomini, mode 0700),
/// holding state.json and, until `start`, exec.fifo. Every command that reads or changes a container
/// holds an exclusive flock on its directory, so concurrent commands on one id take turns.
/// </summary>
public sealed class StateStore(string root)
{
    public const string DefaultRoot = "/run/gomini";
    public string Root { get; } = Path.GetFullPath(root);

    public string DirectoryOf(string id) => Path.Combine(Root, CheckedId(id));

    /// <summary>Makes the directory of a new container, failing like runc when the id is taken.</summary>
    public LockedContainer CreateNew(string id)
    {
        if (LifecycleNative.mkdir(Root, 0b111_000_000) < 0 && LifecycleNative.Errno != LifecycleNative.EEXIST)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Root)!);
            if (LifecycleNative.mkdir(Root, 0b111_000_000) < 0 && LifecycleNative.Errno != LifecycleNative.EEXIST)
                throw new SyscallException("mkdir", Root, LifecycleNative.Errno);
        }
        var dir = DirectoryOf(id);
        if (Mkdir(dir) < 0) throw new LifecycleException($"container with id exists: {id}");
        return new LockedContainer(id, dir);
    }

    /// <summary>Locks an existing container's directory; "container does not exist" (runc's words) if there is none.</summary>
    public LockedContainer Open(string id)
    {
        var dir = DirectoryOf(id);
        if (!File.Exists(Path.Combine(dir, "state.json")))
            throw new LifecycleException($"container does not exist: {id}");
        var locked = new LockedContainer(id, dir);
        // It may have been deleted while we waited for the lock.
        if (!File.Exists(Path.Combine(dir, "state.json")))
        {
            locked.Dispose();
            throw new LifecycleException($"container does not exist: {id}");
        }
        return locked;
    }

    /// <summary>The ids with a state file, in name order.</summary>
    public IEnumerable<string> Ids() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root).Select(d => Path.GetFileName(d)!)
            .Where(id => File.Exists(Path.Combine(Root, id, "state.json"))).Order(StringComparer.Ordinal)
        : [];

    private static string CheckedId(string id) =>
        ContainerIdRule.Check(id).Match(Succ: ok => ok, Fail: errors => throw new LifecycleException(errors.Head.Message));

    /// <summary>mkdir(2), atomic against a concurrent create of the same id: -1 for EEXIST, throws for anything else.</summary>
    private static int Mkdir(string dir)
    {
        if (LifecycleNative.mkdir(dir, 0b111_000_000) == 0) return 0;
        if (LifecycleNative.Errno == LifecycleNative.EEXIST) return -1;
        throw new SyscallException("mkdir", dir, LifecycleNative.Errno);
    }
}

/// <summary>A container's directory held under flock(LOCK_EX) until disposed.</summary>
public sealed class LockedContainer : IDisposable
{
    private int fd;
    public string Id { get; }
    public string Directory { get; }
    public string StateFile => Path.Combine(Directory, "state.json");
    public string FifoPath => Path.Combine(Directory, "exec.fifo");

    public LockedContainer(string id, string directory)
    {
        Id = id;
        Directory = directory;
        fd = DirectoryLock.Take(directory);
    }

    public ContainerState Load()
    {
        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllText(StateFile), StateJsonContext.Default.ContainerState)
                        ?? throw new LifecycleException($"{StateFile}: empty state");
            // The source-generated reader sets every init-only property, absent ones to null, not to their
            // initializers: a state written before a field existed (cgroupParents came later) must still load.
            return state with
            {
                Cgroups = state.Cgroups ?? [],
                CreatedCgroups = state.CreatedCgroups ?? [],
                CgroupParents = state.CgroupParents ?? [],
            };
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new LifecycleException($"container does not exist: {Id} ({e.Message})");
        }
    }

    /// <summary>Writes state.json atomically (a temporary file renamed over it).</summary>
    public void Save(ContainerState state)
    {
        var temporary = StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, StateJsonContext.Default.ContainerState));
        File.Move(temporary, StateFile, overwrite: true);
    }

    /// <summary>Removes the whole directory; the lock goes with the last close.</summary>
    public void Remove()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    public void Dispose()
    {
        if (fd >= 0) Libc.close(fd);
        fd = -1;
    }
}
