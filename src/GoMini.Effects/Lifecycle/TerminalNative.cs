using System.Runtime.InteropServices;
using System.Text;
using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>The libc calls of terminals: ptys, unix-socket fd passing (SCM_RIGHTS) and termios.</summary>
public static unsafe partial class TerminalNative
{
    public const ulong TIOCSPTLCK = 0x40045431, TIOCGPTN = 0x80045430, TIOCSCTTY = 0x540E,
        TIOCSWINSZ = 0x5414, TIOCGWINSZ = 0x5413;
    public const int O_NOCTTY = 0x100, EIO = 5;
    private const int SOL_SOCKET = 1, SCM_RIGHTS = 1;

    [StructLayout(LayoutKind.Sequential)]
    public struct WinSize { public ushort Rows, Columns, XPixels, YPixels; }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec { public void* Base; public nint Length; }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name; public uint NameLength; public IoVec* Iov; public nint IovLength;
        public void* Control; public nint ControlLength; public int Flags;
    }

    [LibraryImport("libc", SetLastError = true)] private static partial int connect(int fd, byte* address, uint length);
    [LibraryImport("libc", SetLastError = true)] private static partial nint sendmsg(int fd, MsgHdr* message, int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial nint recvmsg(int fd, MsgHdr* message, int flags);
    [LibraryImport("libc", SetLastError = true)] public static partial int setsid();
    [LibraryImport("libc", SetLastError = true)] public static partial int tcgetattr(int fd, byte* termios);
    [LibraryImport("libc", SetLastError = true)] public static partial int tcsetattr(int fd, int when, byte* termios);
    [LibraryImport("libc")] public static partial void cfmakeraw(byte* termios);
    [LibraryImport("libc", SetLastError = true)] public static partial int isatty(int fd);

    /// <summary>A SOCK_STREAM unix socket connected to <paramref name="path"/>; inheritable when asked (no O_CLOEXEC).</summary>
    public static int Connect(string path, bool inheritable)
    {
        var fd = Libc.Check(Libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | (inheritable ? 0 : Libc.SOCK_CLOEXEC), 0), "socket", path);
        var address = stackalloc byte[110];
        new Span<byte>(address, 110).Clear();
        address[0] = Libc.AF_UNIX;
        var bytes = Encoding.UTF8.GetBytes(path);
        if (bytes.Length > 107)
        {
            Libc.close(fd);
            throw new SyscallException("connect", path, 36 /* ENAMETOOLONG */);
        }
        bytes.CopyTo(new Span<byte>(address + 2, 108));
        if (connect(fd, address, (uint)(2 + bytes.Length + 1)) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.close(fd);
            throw new SyscallException("connect", path, errno);
        }
        return fd;
    }

    /// <summary>Sends <paramref name="fd"/> with SCM_RIGHTS, and <paramref name="name"/> as the data (runc sends the pty's name).</summary>
    public static void SendFd(int socket, int fd, string name)
    {
        var data = Encoding.UTF8.GetBytes(name);
        var control = stackalloc byte[24];
        new Span<byte>(control, 24).Clear();
        *(nint*)control = 20;                   // CMSG_LEN(sizeof(int))
        *(int*)(control + 8) = SOL_SOCKET;
        *(int*)(control + 12) = SCM_RIGHTS;
        *(int*)(control + 16) = fd;
        fixed (byte* bytes = data)
        {
            var iov = new IoVec { Base = bytes, Length = data.Length };
            var message = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = 24 };
            while (sendmsg(socket, &message, 0) < 0)
                if (Marshal.GetLastPInvokeError() != Libc.EINTR)
                    throw new SyscallException("sendmsg", "console socket", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Receives one fd sent with SCM_RIGHTS; -1 when the other end closed without sending one.</summary>
    public static int ReceiveFd(int socket)
    {
        var data = stackalloc byte[4096];
        var control = stackalloc byte[64];
        var iov = new IoVec { Base = data, Length = 4096 };
        var message = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = 64 };
        nint got;
        while ((got = recvmsg(socket, &message, 0x40000000 /* MSG_CMSG_CLOEXEC */)) < 0)
            if (Marshal.GetLastPInvokeError() != Libc.EINTR)
                throw new SyscallException("recvmsg", "console socket", Marshal.GetLastPInvokeError());
        if (got == 0 || message.ControlLength < 20) return -1;
        if (*(int*)(control + 8) != SOL_SOCKET || *(int*)(control + 12) != SCM_RIGHTS) return -1;
        return *(int*)(control + 16);
    }

    public static void SetSize(int fd, uint height, uint width)
    {
        var size = new WinSize { Rows = (ushort)height, Columns = (ushort)width };
        Libc.Check(Libc.ioctl(fd, TIOCSWINSZ, &size), "ioctl", "TIOCSWINSZ");
    }

    public static bool TryGetSize(int fd, out WinSize size)
    {
        WinSize s;
        var ok = Libc.ioctl(fd, TIOCGWINSZ, &s) == 0;
        size = s;
        return ok;
    }
}
