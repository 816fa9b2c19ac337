using GoMini.Domain.Seccomp;
using GoMini.Domain.Spec;

namespace GoMini.Properties.Seccomp;

/// <summary>
/// The meaning of an OCI seccomp profile, evaluated directly (no BPF): the admitted ABIs are the
/// native one plus the listed ones; any other ABI is killed; else the first rule naming the syscall
/// whose argument checks all hold decides, and without one the default action does.
/// </summary>
public static class ReferenceSeccomp
{
    public static uint Verdict(SeccompSpec spec, SeccompArch native, SeccompData call)
    {
        var admitted = new List<SeccompArch> { native };
        foreach (var name in spec.Architectures ?? [])
            SeccompArch.FromName(name).IfSome(admitted.Add);

        SeccompArch? abi = call.Arch switch
        {
            0xC000003E => call.Nr >= 0x40000000 ? SeccompArch.X32 : SeccompArch.X86_64,
            0x40000003 => SeccompArch.X86,
            0xC00000B7 => SeccompArch.Aarch64,
            _ => null,
        };
        if (abi is null || !admitted.Contains(abi)) return 0x80000000; // KILL_PROCESS

        foreach (var rule in spec.Syscalls ?? [])
        {
            var named = (rule.Names ?? []).Any(n => abi.Number(n).Map(nr => nr == call.Nr).IfNone(false));
            if (named && (rule.Args ?? []).All(arg => Holds(arg, call.Args[(int)arg.Index!.Value])))
                return Action(rule.Action!, rule.ErrnoRet);
        }
        return Action(spec.DefaultAction!, spec.DefaultErrnoRet);
    }

    public static uint Action(string action, uint? errno) => action switch
    {
        "SCMP_ACT_ALLOW" => 0x7fff0000,
        "SCMP_ACT_ERRNO" => 0x00050000 | (errno ?? 1),
        "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD" => 0,
        "SCMP_ACT_KILL_PROCESS" => 0x80000000,
        "SCMP_ACT_TRAP" => 0x00030000,
        "SCMP_ACT_TRACE" => 0x7ff00000 | (errno ?? 1),
        "SCMP_ACT_LOG" => 0x7ffc0000,
        _ => throw new ArgumentException(action),
    };

    private static bool Holds(SyscallArgSpec arg, ulong value)
    {
        var v = arg.Value ?? 0;
        return arg.Op switch
        {
            "SCMP_CMP_NE" => value != v,
            "SCMP_CMP_LT" => value < v,
            "SCMP_CMP_LE" => value <= v,
            "SCMP_CMP_EQ" => value == v,
            "SCMP_CMP_GE" => value >= v,
            "SCMP_CMP_GT" => value > v,
            "SCMP_CMP_MASKED_EQ" => (value & v) == (arg.ValueTwo ?? 0),
            _ => throw new ArgumentException(arg.Op),
        };
    }
}
