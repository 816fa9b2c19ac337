namespace GoMini.Domain.Seccomp;

/// <summary>An OCI seccomp profile after validation: actions as SECCOMP_RET_* values, ABIs resolved.</summary>
internal sealed record SeccompProfile(
    uint DefaultAction,
    string DefaultActionText,
    IReadOnlyList<SeccompArch> Architectures,
    uint Flags,
    IReadOnlyList<SeccompRule> Rules);

/// <summary>One entry of linux.seccomp.syscalls: the names it matches and the checks on their arguments.</summary>
internal sealed record SeccompRule(IReadOnlyList<string> Names, uint Action, IReadOnlyList<ArgumentCheck> Args)
{
    public bool Unconditional => Args.Count == 0;
}

/// <summary>SCMP_CMP_* on one 64-bit argument; for MaskedEqual, Value is the mask and ValueTwo the datum.</summary>
internal sealed record ArgumentCheck(int Index, Comparison Op, ulong Value, ulong ValueTwo);

internal enum Comparison { NotEqual, Less, LessOrEqual, Equal, GreaterOrEqual, Greater, MaskedEqual }
