using System.Runtime.InteropServices;

namespace GoMini.Effects.Native;

// The filesystem part of libc: mounts, the root switch, and the *at calls that resolve
// paths relative to a directory fd (so a path is looked up inside the rootfs, not the host).
// Every call sets errno; read it with Marshal.GetLastPInvokeError().
public static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string? source, string target, string? fsType, ulong flags, string? data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Umount2(string target, int flags);

    public const int MntDetach = 2; // MNT_DETACH

    [LibraryImport("libc", EntryPoint = "chroot", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chroot(string path);

    [LibraryImport("libc", EntryPoint = "fchdir", SetLastError = true)]
    public static partial int Fchdir(int fd);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Openat(int dirFd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mkdirat(int dirFd, string name, uint mode);

    [LibraryImport("libc", EntryPoint = "mknodat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mknodat(int dirFd, string name, uint mode, ulong device);

    [LibraryImport("libc", EntryPoint = "symlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Symlinkat(string target, int dirFd, string linkName);

    [LibraryImport("libc", EntryPoint = "readlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Readlinkat(int dirFd, string path, byte[] buffer, nint size);

    [LibraryImport("libc", EntryPoint = "fchownat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Fchownat(int dirFd, string name, uint uid, uint gid, int flags);

    [LibraryImport("libc", EntryPoint = "fchmodat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Fchmodat(int dirFd, string name, uint mode, int flags);

    /// <summary>struct statfs is the same on x86_64 and aarch64 (all words are 8 bytes); f_flags is the 11th.</summary>
    [LibraryImport("libc", EntryPoint = "fstatfs", SetLastError = true)]
    public static partial int Fstatfs(int fd, Span<long> buffer);

    public const int StatfsWords = 15;
    public const int StatfsFlagsWord = 10;

    /// <summary>struct stat differs per architecture; only st_mode is read (see <see cref="FstatMode"/>).</summary>
    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    public static partial int Fstat(int fd, Span<byte> buffer);

    /// <summary>st_mode of an fd: offset 24 on x86_64, 16 on aarch64 (asm-generic layout).</summary>
    public static int FstatMode(int fd, out uint mode)
    {
        Span<byte> buffer = stackalloc byte[256];
        var result = Fstat(fd, buffer);
        var offset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        mode = BitConverter.ToUInt32(buffer[offset..(offset + 4)]);
        return result;
    }

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFdForFilesystem(int fd);

    /// <summary>Closes an fd opened by the filesystem steps.</summary>
    public static void CloseFilesystemFd(int fd) => CloseFdForFilesystem(fd);

    // syscall(2): pivot_root and openat2 have no glibc wrapper. Only integer arguments are
    // passed, so the non-variadic declaration is safe on x86_64 and aarch64.
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long SyscallForFilesystem(long number, nint a, nint b, nint c, nint d);

    private static bool IsX64 => RuntimeInformation.ProcessArchitecture == Architecture.X64;

    public static unsafe int PivotRoot(string newRoot, string putOld)
    {
        var number = IsX64 ? 155 : 41;
        fixed (byte* n = Utf8(newRoot))
        fixed (byte* o = Utf8(putOld))
            return (int)SyscallForFilesystem(number, (nint)n, (nint)o, 0, 0);
    }

    /// <summary>struct open_how (linux/openat2.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    public const ulong ResolveNoMagicLinks = 0x02; // RESOLVE_NO_MAGICLINKS
    public const ulong ResolveInRoot = 0x10;       // RESOLVE_IN_ROOT

    /// <summary>openat2(2) (syscall 437 on x86_64 and aarch64): resolves <paramref name="path"/> as the kernel is told.</summary>
    public static unsafe int Openat2(int dirFd, string path, OpenHow how)
    {
        fixed (byte* p = Utf8(path))
            return (int)SyscallForFilesystem(437, dirFd, (nint)p, (nint)(&how), sizeof(OpenHow));
    }

    // open(2) flags that differ between x86_64 and aarch64.
    public static int ODirectory => IsX64 ? 0x10000 : 0x4000;
    public static int ONoFollow => IsX64 ? 0x20000 : 0x8000;
    public const int OPath = 0x200000;
    public const int OCloexec = 0x80000;
    public const int OCreat = 0x40;
    public const int OWronly = 0x1;
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;

    private static byte[] Utf8(string value)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(value) + 1];
        System.Text.Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
