using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace GoMini.Integration.Terminal;

/// <summary>
/// What conmon does with --console-socket, in small: listens on a unix socket, accepts one
/// connection and receives the pty master sent with SCM_RIGHTS (recvmsg, since .NET's Socket
/// API cannot hand out a received fd).
/// </summary>
public sealed partial class ConsoleReceiver : IDisposable
{
    private readonly Socket listener;
    private readonly Task<int> received;
    public string Path { get; }

    public ConsoleReceiver(string directory)
    {
        Path = System.IO.Path.Combine(directory, "console.sock");
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen(1);
        received = Task.Run(() =>
        {
            using var connection = listener.Accept();
            return ReceiveFd((int)connection.Handle);
        });
    }

    /// <summary>The master as a stream, or null if none came within the time.</summary>
    public FileStream? Master(TimeSpan timeout)
    {
        if (!received.Wait(timeout) || received.Result < 0) return null;
        return new FileStream(new SafeFileHandle(received.Result, ownsHandle: true), FileAccess.ReadWrite, 1);
    }

    /// <summary>
    /// Types <paramref name="line"/> into the master that comes within <paramref name="timeout"/> (the test
    /// fails if none does) and returns what the process writes until <paramref name="until"/>.
    /// </summary>
    public string TypeAndRead(string line, string until, TimeSpan timeout)
    {
        using var master = Master(timeout);
        Assert.NotNull(master);
        master.Write(System.Text.Encoding.UTF8.GetBytes(line));
        master.Flush();
        return ReadUntil(master, until, timeout);
    }

    /// <summary>Reads until <paramref name="until"/> appears, EOF/EIO (every slave closed) or the timeout.</summary>
    public static string ReadUntil(FileStream master, string until, TimeSpan timeout)
    {
        var text = new System.Text.StringBuilder();
        var reading = Task.Run(() =>
        {
            var buffer = new byte[4096];
            try
            {
                int n;
                while ((n = master.Read(buffer)) > 0)
                {
                    lock (text) text.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, n));
                    lock (text) if (text.ToString().Contains(until)) return;
                }
            }
            catch (IOException) { /* EIO: the container's side of the pty is closed */ }
        });
        reading.Wait(timeout);
        lock (text) return text.ToString();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern nint recvmsg(int fd, nint message, int flags);

    private static int ReceiveFd(int socket)
    {
        var data = Marshal.AllocHGlobal(256);
        var control = Marshal.AllocHGlobal(64);
        var iov = Marshal.AllocHGlobal(16);
        var message = Marshal.AllocHGlobal(56);
        try
        {
            for (var i = 0; i < 56; i += 8) Marshal.WriteInt64(message, i, 0);
            Marshal.WriteIntPtr(iov, 0, data);
            Marshal.WriteInt64(iov, 8, 256);
            Marshal.WriteIntPtr(message, 16, iov);       // msg_iov
            Marshal.WriteInt64(message, 24, 1);          // msg_iovlen
            Marshal.WriteIntPtr(message, 32, control);   // msg_control
            Marshal.WriteInt64(message, 40, 64);         // msg_controllen
            if (recvmsg(socket, message, 0) <= 0 || Marshal.ReadInt64(message, 40) < 20) return -1;
            // struct cmsghdr { size_t len; int level; int type; int fd; }: SOL_SOCKET=1, SCM_RIGHTS=1.
            if (Marshal.ReadInt32(control, 8) != 1 || Marshal.ReadInt32(control, 12) != 1) return -1;
            return Marshal.ReadInt32(control, 16);
        }
        finally
        {
            Marshal.FreeHGlobal(data);
            Marshal.FreeHGlobal(control);
            Marshal.FreeHGlobal(iov);
            Marshal.FreeHGlobal(message);
        }
    }

    public void Dispose()
    {
        listener.Dispose();
        try { File.Delete(Path); } catch (IOException) { }
    }
}
