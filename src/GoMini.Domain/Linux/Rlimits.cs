using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Linux;

/// <summary>RLIMIT_* names (as in process.rlimits[].type) and their resource numbers on Linux.</summary>
public static class Rlimits
{
    private static readonly Map<string, int> Numbers = Map(
        ("RLIMIT_CPU", 0), ("RLIMIT_FSIZE", 1), ("RLIMIT_DATA", 2), ("RLIMIT_STACK", 3), ("RLIMIT_CORE", 4),
        ("RLIMIT_RSS", 5), ("RLIMIT_NPROC", 6), ("RLIMIT_NOFILE", 7), ("RLIMIT_MEMLOCK", 8), ("RLIMIT_AS", 9),
        ("RLIMIT_LOCKS", 10), ("RLIMIT_SIGPENDING", 11), ("RLIMIT_MSGQUEUE", 12), ("RLIMIT_NICE", 13),
        ("RLIMIT_RTPRIO", 14), ("RLIMIT_RTTIME", 15));

    // A switch, not the Map: the init child calls this after pivot_root, where a JIT-run gomini
    // cannot load what a type initializer would need.
    public static Option<int> Number(string name) =>
        name switch
        {
            "RLIMIT_CPU" => 0, "RLIMIT_FSIZE" => 1, "RLIMIT_DATA" => 2, "RLIMIT_STACK" => 3, "RLIMIT_CORE" => 4,
            "RLIMIT_RSS" => 5, "RLIMIT_NPROC" => 6, "RLIMIT_NOFILE" => 7, "RLIMIT_MEMLOCK" => 8, "RLIMIT_AS" => 9,
            "RLIMIT_LOCKS" => 10, "RLIMIT_SIGPENDING" => 11, "RLIMIT_MSGQUEUE" => 12, "RLIMIT_NICE" => 13,
            "RLIMIT_RTPRIO" => 14, "RLIMIT_RTTIME" => 15,
            _ => None,
        };

    public static Seq<string> Names => Numbers.Keys.ToSeq();
}
