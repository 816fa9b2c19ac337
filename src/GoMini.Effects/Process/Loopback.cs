using GoMini.Effects.Native;

namespace GoMini.Effects.Process;

/// <summary>Sets IFF_UP on `lo` in the (new) network namespace, as `ip link set lo up` would.</summary>
public static unsafe class Loopback
{
    private const ulong SIOCGIFFLAGS = 0x8913, SIOCSIFFLAGS = 0x8914;
    private const short IFF_UP = 0x1;

    public static void BringUp()
    {
        var fd = Libc.Check(Libc.socket(Libc.AF_INET, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0), "socket", "lo");
        try
        {
            // struct ifreq: the interface name (16 bytes), then a union whose first short is ifr_flags.
            var request = stackalloc byte[40];
            new Span<byte>(request, 40).Clear();
            request[0] = (byte)'l';
            request[1] = (byte)'o';
            Libc.Check(Libc.ioctl(fd, SIOCGIFFLAGS, request), "ioctl SIOCGIFFLAGS", "lo");
            *(short*)(request + 16) |= IFF_UP;
            Libc.Check(Libc.ioctl(fd, SIOCSIFFLAGS, request), "ioctl SIOCSIFFLAGS", "lo");
        }
        finally
        {
            Libc.close(fd);
        }
    }
}
