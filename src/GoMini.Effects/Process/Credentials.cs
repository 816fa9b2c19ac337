using GoMini.Domain.Linux;
using GoMini.Effects.Native;
using LanguageExt;

namespace GoMini.Effects.Process;

/// <summary>Capabilities of the init child's main thread: bounding set, capset (v3), ambient set.</summary>
public static unsafe class Credentials
{
    public static void DropBounding(Seq<string> names)
    {
        foreach (var name in names)
            Libc.Check(Libc.prctl(Libc.PR_CAPBSET_DROP, (ulong)Number(name), 0, 0, 0), "prctl PR_CAPBSET_DROP", name);
    }

    public static void Set(Seq<string> effective, Seq<string> permitted, Seq<string> inheritable)
    {
        var header = new Libc.CapHeader { Version = Libc.LINUX_CAPABILITY_VERSION_3, Pid = 0 };
        // v3 takes two 32-bit words per set: capabilities 0-31, then 32-63.
        Span<uint> e = stackalloc uint[2], p = stackalloc uint[2], i = stackalloc uint[2];
        Bits(effective, e);
        Bits(permitted, p);
        Bits(inheritable, i);
        var data = stackalloc Libc.CapData[2];
        for (var w = 0; w < 2; w++)
            data[w] = new Libc.CapData { Effective = e[w], Permitted = p[w], Inheritable = i[w] };
        if (Libc.capset(&header, data) == 0)
            return;
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        var missing = permitted.Filter(name => Libc.prctl(PR_CAPBSET_READ, (ulong)Number(name), 0, 0, 0) == 0);
        if (errno == Libc.EPERM && !missing.IsEmpty)
            throw new InvalidOperationException(
                $"{Errno.Describe(errno)}: {string.Join(", ", missing)} not in gomini's own bounding set (this host cannot give it)");
        throw new SyscallException("capset", "v3", errno);
    }

    private const int PR_CAPBSET_READ = 23;

    public static void RaiseAmbient(Seq<string> names)
    {
        foreach (var name in names)
            Libc.Check(Libc.prctl(Libc.PR_CAP_AMBIENT, Libc.PR_CAP_AMBIENT_RAISE, (ulong)Number(name), 0, 0),
                "prctl PR_CAP_AMBIENT_RAISE", name);
    }

    private static void Bits(Seq<string> names, Span<uint> words)
    {
        foreach (var name in names)
        {
            var number = Number(name);
            words[number / 32] |= 1u << (number % 32);
        }
    }

    private static int Number(string name) =>
        Capabilities.Number(name).IfNone(() => throw new NotSupportedException($"unknown capability {name}"));
}
