using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Linux;

/// <summary>Linux capability names (as the runtime-spec writes them, CAP_ prefixed) and their numbers.</summary>
public static class Capabilities
{
    public static readonly Seq<string> All = Seq(
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
        "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
        "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE");

    /// <summary>The number of a capability name (index in <see cref="All"/>), if it is one.</summary>
    public static Option<int> Number(string name)
    {
        var index = All.ToList().IndexOf(name.ToUpperInvariant());
        return index >= 0 ? Some(index) : None;
    }

    /// <summary>runc's default set, used by `gomini spec` and as the default when a config names none.</summary>
    public static readonly Seq<string> RuncDefault = Seq("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");
}
