using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Seccomp;

/// <summary>SECCOMP_FILTER_FLAG_* names (linux.seccomp.flags) and their bits for seccomp(2).</summary>
public static class SeccompFlags
{
    public static Either<string, uint> Value(string flag) => flag switch
    {
        "SECCOMP_FILTER_FLAG_TSYNC" => Right(1u),
        "SECCOMP_FILTER_FLAG_LOG" => Right(2u),
        "SECCOMP_FILTER_FLAG_SPEC_ALLOW" => Right(4u),
        "SECCOMP_FILTER_FLAG_NEW_LISTENER" => Left("SECCOMP_FILTER_FLAG_NEW_LISTENER is not supported: gomini has no seccomp listener"),
        "SECCOMP_FILTER_FLAG_TSYNC_ESRCH" => Right(16u),
        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV" => Right(32u),
        _ => Left<string, uint>($"unknown flag \"{flag}\""),
    };
}
