namespace GoMini.Domain.Seccomp;

/// <summary>
/// Lays out a validated profile as a classic BPF program over struct seccomp_data
/// { int nr; u32 arch; u64 instruction_pointer; u64 args[6]; }:
///   1. the architecture check: a known AUDIT_ARCH token jumps to its section, anything else is killed;
///   2. per ABI, a linear dispatch on the syscall number: `jeq nr` then `ret action` (one unconditional
///      rule) or `ja` to the syscall's block; no match returns the default action;
///   3. per syscall with argument checks, its rules in profile order: the first whose checks all hold
///      returns its action, and when none does, the default action.
/// The x86_64 token is shared by x32: numbers with bit 30 set are x32 syscalls and go to the x32
/// section when SCMP_ARCH_X32 is admitted, else they get the bad-arch action (as libseccomp does);
/// without that check an x32 call would slip past rules written for x86_64 numbers.
/// </summary>
internal static class SeccompCodegen
{
    private const uint NrOffset = 0;
    private const uint ArchOffset = 4;
    private const uint ArgsOffset = 16;

    /// <summary>What a syscall with a foreign or unlisted ABI gets. libseccomp's default is KILL;
    /// the whole process goes, so no half-dead container keeps running.</summary>
    public const uint BadArchAction = SeccompActions.KillProcess;

    public static BpfInstruction[] Generate(SeccompProfile profile)
    {
        var asm = new BpfAssembler();
        var x86_64 = profile.Architectures.Contains(SeccompArch.X86_64);
        var x32 = profile.Architectures.Contains(SeccompArch.X32);
        var tokens = profile.Architectures.Select(a => a.AuditArch).Distinct().ToList();
        var sections = tokens.ToDictionary(t => t, _ => asm.NewLabel());

        asm.Load(ArchOffset);
        foreach (var token in tokens) asm.JumpIf(BpfInstruction.JeqK, token, sections[token]);
        asm.Return(BadArchAction);

        foreach (var token in tokens)
        {
            asm.Mark(sections[token]);
            asm.Load(NrOffset);
            if (token == SeccompArch.X86_64.AuditArch)
            {
                var x32Section = asm.NewLabel();
                asm.JumpIf(BpfInstruction.JgeK, SeccompArch.X32SyscallBit, x32Section);
                if (x86_64) Dispatch(asm, profile, SeccompArch.X86_64);
                else asm.Return(BadArchAction);
                asm.Mark(x32Section);
                if (x32) Dispatch(asm, profile, SeccompArch.X32);
                else asm.Return(BadArchAction);
            }
            else
            {
                Dispatch(asm, profile, profile.Architectures.First(a => a.AuditArch == token));
            }
        }

        return asm.Finish();
    }

    /// <summary>A holds the syscall number on entry.</summary>
    private static void Dispatch(BpfAssembler asm, SeccompProfile profile, SeccompArch arch)
    {
        // Rules per syscall number, in profile order; a name unknown on this ABI matches nothing.
        var bySyscall = new SortedDictionary<uint, List<SeccompRule>>();
        foreach (var rule in profile.Rules)
            foreach (var name in rule.Names)
                arch.Number(name).IfSome(nr =>
                {
                    if (!bySyscall.TryGetValue(nr, out var list)) bySyscall[nr] = list = [];
                    if (!list.Contains(rule)) list.Add(rule);
                });

        var blocks = new List<(int Label, List<SeccompRule> Rules)>();
        foreach (var (nr, rules) in bySyscall)
        {
            if (rules[0].Unconditional) asm.ReturnIf(BpfInstruction.JeqK, nr, rules[0].Action);
            else
            {
                var block = asm.NewLabel();
                asm.JumpIf(BpfInstruction.JeqK, nr, block);
                blocks.Add((block, rules));
            }
        }
        asm.Return(profile.DefaultAction);

        foreach (var (label, rules) in blocks)
        {
            asm.Mark(label);
            var fallsThrough = true;
            foreach (var rule in rules)
            {
                if (rule.Unconditional)
                {
                    asm.Return(rule.Action); // later rules for this syscall can never be reached
                    fallsThrough = false;
                    break;
                }
                var next = asm.NewLabel();
                foreach (var check in rule.Args) Check(asm, check, next);
                asm.Return(rule.Action);
                asm.Mark(next);
            }
            if (fallsThrough) asm.Return(profile.DefaultAction);
        }
    }

    /// <summary>Falls through when the 64-bit comparison holds, goes to `fail` when it does not.
    /// Unsigned, high word first: the order is decided by the high words unless they are equal.</summary>
    private static void Check(BpfAssembler asm, ArgumentCheck check, int fail)
    {
        var lo = ArgsOffset + 8 * (uint)check.Index; // little endian: the low word comes first
        var hi = lo + 4;
        var vLo = (uint)check.Value;
        var vHi = (uint)(check.Value >> 32);
        var pass = asm.NewLabel();
        switch (check.Op)
        {
            case Comparison.Equal:
                asm.Load(hi); asm.JumpUnless(BpfInstruction.JeqK, vHi, fail);
                asm.Load(lo); asm.JumpUnless(BpfInstruction.JeqK, vLo, fail);
                break;
            case Comparison.NotEqual:
                asm.Load(hi); asm.JumpUnless(BpfInstruction.JeqK, vHi, pass);
                asm.Load(lo); asm.JumpIf(BpfInstruction.JeqK, vLo, fail);
                break;
            case Comparison.Greater:
            case Comparison.GreaterOrEqual:
                asm.Load(hi); asm.JumpIf(BpfInstruction.JgtK, vHi, pass);
                asm.JumpUnless(BpfInstruction.JeqK, vHi, fail);
                asm.Load(lo);
                asm.JumpUnless(check.Op == Comparison.Greater ? BpfInstruction.JgtK : BpfInstruction.JgeK, vLo, fail);
                break;
            case Comparison.Less:          // not (arg >= value)
            case Comparison.LessOrEqual:   // not (arg > value)
                asm.Load(hi); asm.JumpIf(BpfInstruction.JgtK, vHi, fail);
                asm.JumpUnless(BpfInstruction.JeqK, vHi, pass);
                asm.Load(lo);
                asm.JumpIf(check.Op == Comparison.Less ? BpfInstruction.JgeK : BpfInstruction.JgtK, vLo, fail);
                break;
            case Comparison.MaskedEqual:   // (arg & value) == valueTwo
                asm.Load(hi); asm.And(vHi); asm.JumpUnless(BpfInstruction.JeqK, (uint)(check.ValueTwo >> 32), fail);
                asm.Load(lo); asm.And(vLo); asm.JumpUnless(BpfInstruction.JeqK, (uint)check.ValueTwo, fail);
                break;
        }
        asm.Mark(pass);
    }
}
