using System.Runtime.InteropServices;
using GoMini.Effects.Native;

namespace GoMini.Effects.Filesystem;

/// <summary>
/// Container paths resolved inside a root directory by the kernel: openat2 with RESOLVE_IN_ROOT
/// treats every symlink, absolute or `..`, as if the root were `/`, and RESOLVE_NO_MAGICLINKS
/// refuses /proc/self/root and its kind. The result is an O_PATH fd; mounts target it through
/// /proc/self/fd/N, so swapping a directory for a link after the lookup cannot move the mount.
/// </summary>
internal sealed class RootedPath : IDisposable
{
    private const int MaxLinks = 40; // like the kernel's own limit

    public int Fd { get; private set; }

    /// <summary>The container path, for error messages.</summary>
    public string Path { get; }

    private RootedPath(int fd, string path) { Fd = fd; Path = path; }

    /// <summary>The path mount(2) is given: the magic link of the resolved fd.</summary>
    public string MountTarget => $"/proc/self/fd/{Fd}";

    public void Dispose()
    {
        if (Fd >= 0) Libc.CloseFilesystemFd(Fd);
        Fd = -1;
    }

    /// <summary>The root itself, as an O_PATH directory fd.</summary>
    public static RootedPath OpenRoot(string root)
    {
        var fd = Libc.Openat(Libc.AtFdCwd, root, Libc.OPath | Libc.ODirectory | Libc.OCloexec, 0);
        if (fd < 0) throw new SyscallException("open", root, Marshal.GetLastPInvokeError());
        return new RootedPath(fd, "/");
    }

    /// <summary>Opens an existing path inside the root; None (with errno) when it cannot be resolved.</summary>
    public static RootedPath? TryOpen(RootedPath root, string path, out int errno, bool directory = false)
    {
        var how = new Libc.OpenHow
        {
            Flags = (ulong)(Libc.OPath | Libc.OCloexec | (directory ? Libc.ODirectory : 0)),
            Resolve = Libc.ResolveInRoot | Libc.ResolveNoMagicLinks,
        };
        var fd = Libc.Openat2(root.Fd, Relative(path), how);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new RootedPath(fd, Normalize(path));
    }

    /// <summary>Opens a path that must exist; <paramref name="syscall"/> names the caller's call in the error.</summary>
    public static RootedPath Open(RootedPath root, string path, string syscall) =>
        TryOpen(root, path, out var errno) ?? throw new SyscallException(syscall, Normalize(path), errno);

    /// <summary>mkdir -p inside the root: each missing component is made with mkdirat on its resolved parent.</summary>
    public static RootedPath EnsureDirectory(RootedPath root, string path, int links = 0)
    {
        path = Normalize(path);
        var existing = TryOpen(root, path, out var errno, directory: true);
        if (existing is not null) return existing;
        if (errno != ErrnoCode.ENOENT || path == "/") throw new SyscallException("mkdir", path, errno);
        if (links > MaxLinks) throw new SyscallException("mkdir", path, ErrnoCode.ELOOP);

        var (parentPath, name) = Split(path);
        using (var parent = EnsureDirectory(root, parentPath, links))
        {
            if (Libc.Mkdirat(parent.Fd, name, 0x1ed /* 0755 */) != 0)
            {
                var mkdirErrno = Marshal.GetLastPInvokeError();
                if (mkdirErrno != ErrnoCode.EEXIST) throw new SyscallException("mkdir", path, mkdirErrno);
                // A dangling symlink: create what it points to, still inside the root.
                // (Otherwise "." or "..", or a racing mkdir: the lookup below decides.)
                var target = ReadLink(parent.Fd, name);
                if (target is not null)
                {
                    var followed = target.StartsWith('/') ? target : $"{parentPath.TrimEnd('/')}/{target}";
                    return EnsureDirectory(root, followed, links + 1);
                }
            }
        }
        return TryOpen(root, path, out errno, directory: true) ?? throw new SyscallException("mkdir", path, errno);
    }

    /// <summary>Makes sure an empty file exists at the path (the mount point of a bind of a file).</summary>
    public static RootedPath EnsureFile(RootedPath root, string path, int links = 0)
    {
        path = Normalize(path);
        var existing = TryOpen(root, path, out var errno);
        if (existing is not null) return existing;
        if (errno != ErrnoCode.ENOENT) throw new SyscallException("open", path, errno);
        if (links > MaxLinks) throw new SyscallException("open", path, ErrnoCode.ELOOP);

        var (parentPath, name) = Split(path);
        using (var parent = EnsureDirectory(root, parentPath))
        {
            // O_NOFOLLOW: never create through a link; a dangling one is followed inside the root instead.
            var fd = Libc.Openat(parent.Fd, name, Libc.OCreat | Libc.OWronly | Libc.OCloexec | Libc.ONoFollow, 0x1a4 /* 0644 */);
            if (fd < 0)
            {
                var openErrno = Marshal.GetLastPInvokeError();
                var target = openErrno == ErrnoCode.ELOOP ? ReadLink(parent.Fd, name) : null;
                if (target is null) throw new SyscallException("open", path, openErrno);
                var followed = target.StartsWith('/') ? target : $"{parentPath.TrimEnd('/')}/{target}";
                return EnsureFile(root, followed, links + 1);
            }
            Libc.CloseFilesystemFd(fd);
        }
        return Open(root, path, "open");
    }

    /// <summary>The parent directory (created if missing) and the last component of a path.</summary>
    public static (RootedPath Parent, string Name) EnsureParent(RootedPath root, string path)
    {
        var (parentPath, name) = Split(Normalize(path));
        if (name.Length == 0) throw new SyscallException("open", path, ErrnoCode.EINVAL);
        return (EnsureDirectory(root, parentPath), name);
    }

    /// <summary>Whether the fd is a directory (for choosing a tmpfs or /dev/null when masking).</summary>
    public bool IsDirectory()
    {
        if (Libc.FstatMode(Fd, out var mode) != 0) throw new SyscallException("fstat", Path, Marshal.GetLastPInvokeError());
        return (mode & 0xf000) == 0x4000; // S_IFDIR
    }

    /// <summary>The mount flags the kernel keeps locked on this mount (nosuid, nodev, noexec, atime).</summary>
    public ulong LockedMountFlags()
    {
        Span<long> statfs = stackalloc long[Libc.StatfsWords];
        if (Libc.Fstatfs(Fd, statfs) != 0) throw new SyscallException("statfs", Path, Marshal.GetLastPInvokeError());
        return StatfsFlags.ToMountFlags((ulong)statfs[Libc.StatfsFlagsWord]);
    }

    private static string? ReadLink(int dirFd, string name)
    {
        var buffer = new byte[4096];
        var length = Libc.Readlinkat(dirFd, name, buffer, buffer.Length);
        return length < 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>"/a//b/" -> "/a/b"; the container path shown in errors.</summary>
    public static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', parts);
    }

    private static string Relative(string path) => Normalize(path) is "/" ? "." : Normalize(path)[1..];

    private static (string Parent, string Name) Split(string normalized)
    {
        var slash = normalized.LastIndexOf('/');
        var parent = slash <= 0 ? "/" : normalized[..slash];
        return (parent, normalized[(slash + 1)..]);
    }
}
