using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Seccomp;

/// <summary>SCMP_ACT_* names and the SECCOMP_RET_* values a filter returns for them (linux/seccomp.h).</summary>
public static class SeccompActions
{
    public const uint KillProcess = 0x80000000;
    public const uint KillThread = 0x00000000;
    public const uint Trap = 0x00030000;
    public const uint Errno = 0x00050000;
    public const uint UserNotif = 0x7fc00000;
    public const uint Trace = 0x7ff00000;
    public const uint Log = 0x7ffc0000;
    public const uint Allow = 0x7fff0000;

    public const uint EPERM = 1;

    /// <summary>SECCOMP_RET_DATA: the low 16 bits carry the errno or the tracer's value.</summary>
    public const uint MaxData = 0xFFFF;

    /// <summary>Whether the action carries a value (errnoRet): ERRNO and TRACE.</summary>
    public static bool TakesErrno(string action) => action is "SCMP_ACT_ERRNO" or "SCMP_ACT_TRACE";

    /// <summary>
    /// The return value for an action name; `data` is errnoRet, EPERM when absent, as the
    /// runtime-spec and runc say. Left: why the action is refused.
    /// </summary>
    public static Either<string, uint> Value(string action, uint? data) => action switch
    {
        "SCMP_ACT_ALLOW" => Right(Allow),
        "SCMP_ACT_ERRNO" => Right(Errno | (data ?? EPERM)),
        "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD" => Right(KillThread),
        "SCMP_ACT_KILL_PROCESS" => Right(KillProcess),
        "SCMP_ACT_TRAP" => Right(Trap),
        "SCMP_ACT_TRACE" => Right(Trace | (data ?? EPERM)),
        "SCMP_ACT_LOG" => Right(Log),
        "SCMP_ACT_NOTIFY" => Left("SCMP_ACT_NOTIFY is not supported: gomini has no seccomp listener (listenerPath)"),
        _ => Left<string, uint>($"unknown action \"{action}\""),
    };
}
