using FsCheck;
using FsCheck.Fluent;
using GoMini.Domain.Seccomp;
using GoMini.Domain.Spec;

namespace GoMini.Properties.Seccomp;

/// <summary>A profile, the ABI it is compiled for, and calls to try it on (many aimed at its rules).</summary>
public sealed record SeccompCase(SeccompSpec Spec, SeccompArch Native, SeccompData[] Calls)
{
    public override string ToString() =>
        $"native {Native}; arches [{string.Join(",", Spec.Architectures ?? [])}]; default {Spec.DefaultAction}({Spec.DefaultErrnoRet}); " +
        $"{Spec.Syscalls?.Count} rules: " + string.Join(" | ", (Spec.Syscalls ?? []).Select(r =>
            $"{string.Join(",", r.Names ?? [])} {r.Action}({r.ErrnoRet}) {string.Join(" & ", (r.Args ?? []).Select(a => $"a{a.Index} {a.Op} {a.Value:x}/{a.ValueTwo:x}"))}"));
}

public static class SeccompGenerators
{
    public static readonly string[] Actions =
    [
        "SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
        "SCMP_ACT_TRAP", "SCMP_ACT_TRACE", "SCMP_ACT_LOG",
    ];

    public static readonly string[] Ops =
    [
        "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ",
    ];

    public static readonly string[] ArchNames =
        ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32", "SCMP_ARCH_AARCH64", "SCMP_ARCH_S390X"];

    /// <summary>Values where 64-bit comparisons go wrong when the words are mishandled.</summary>
    private static readonly ulong[] Edges =
    [
        0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x1_0000_0000, 0x1_0000_0001, 0x2_0000_0000,
        0xffffffff_00000000, 0xffffffff_ffffffff, 0x8000_0000_0000_0000,
    ];

    private static readonly SeccompArch[] Natives = [SeccompArch.X86_64, SeccompArch.Aarch64];

    private static readonly string[] Pool =
        SeccompArch.Supported.SelectMany(a => a.SyscallNames).Distinct().Order(StringComparer.Ordinal)
            .Concat(["no_such_syscall"]).ToArray();

    public static Gen<ulong> Value =>
        Gen.OneOf(Gen.Elements(Edges), ArbMap.Default.GeneratorFor<ulong>(),
            Gen.Choose(0, 40).Select(i => (ulong)i));

    private static Gen<uint?> Errno => Gen.OneOf(Gen.Constant<uint?>(null), Gen.Choose(0, 4095).Select(i => (uint?)i));

    private static Gen<(string Action, uint? Errno)> ActionWithErrno =>
        from action in Gen.Elements(Actions)
        from errno in Errno
        select (action, SeccompActions.TakesErrno(action) ? errno : null);

    private static Gen<SyscallArgSpec> Arg =>
        from index in Gen.Choose(0, 5)
        from op in Gen.Elements(Ops)
        from value in Value
        from valueTwo in Value
        select new SyscallArgSpec { Index = (uint)index, Op = op, Value = value, ValueTwo = valueTwo };

    private static Gen<SyscallRuleSpec> Rule(string[] names) =>
        from count in Gen.Choose(1, 4)
        from picked in Gen.Elements(names).ArrayOf(count)
        from action in ActionWithErrno
        from argCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from args in Arg.ArrayOf(argCount)
        select new SyscallRuleSpec { Names = picked, Action = action.Action, ErrnoRet = action.Errno, Args = args };

    public static Gen<SeccompSpec> Profile(int maxRules) =>
        from names in Gen.Elements(Pool).ArrayOf(12)            // a small alphabet, so rules overlap
        from ruleCount in Gen.Choose(0, maxRules)
        from rules in Rule(names).ArrayOf(ruleCount)
        from defaultAction in ActionWithErrno
        from arches in Gen.SubListOf(ArchNames)
        from flags in Gen.SubListOf(new[] { "SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW" })
        select new SeccompSpec
        {
            DefaultAction = defaultAction.Action, DefaultErrnoRet = defaultAction.Errno,
            Architectures = arches.ToArray(), Flags = flags.ToArray(), Syscalls = rules,
        };

    /// <summary>Calls aimed at a profile: numbers of its syscalls on some ABI, values near its constants.</summary>
    public static Gen<SeccompData> CallFor(SeccompSpec spec)
    {
        var names = (spec.Syscalls ?? []).SelectMany(r => r.Names ?? []).Distinct().ToArray();
        var constants = (spec.Syscalls ?? []).SelectMany(r => r.Args ?? [])
            .SelectMany(a => new[] { a.Value ?? 0, a.ValueTwo ?? 0 }).SelectMany(v => new[] { v - 1, v, v + 1 }).ToArray();
        var abi = Gen.Elements(SeccompArch.Supported.ToArray());
        var aimedNr = names.Length == 0
            ? Gen.Choose(0, 500).Select(i => (uint)i)
            : from a in abi from n in Gen.Elements(names) select a.Number(n).IfNone(7u);
        var nr = Gen.Frequency((6, aimedNr), (1, ArbMap.Default.GeneratorFor<uint>()),
            (1, Gen.Choose(0, 600).Select(i => (uint)i)), (1, Gen.Choose(0, 600).Select(i => (uint)i | 0x40000000)));
        var arch = Gen.Frequency((8, Gen.Elements(0xC000003Eu, 0x40000003u, 0xC00000B7u)), (1, ArbMap.Default.GeneratorFor<uint>()));
        var arg = constants.Length == 0 ? Value : Gen.Frequency((3, Gen.Elements(constants)), (1, Value));
        return from n in nr
               from ar in arch
               from args in arg.ArrayOf(6)
               select new SeccompData(n, ar, 0x400000, args);
    }

    public static Gen<SeccompCase> Case =>
        from spec in Profile(30)
        from native in Gen.Elements(Natives)
        from calls in CallFor(spec).ArrayOf(40)
        select new SeccompCase(spec, native, calls);
}

/// <summary>FsCheck's entry: [Property(Arbitrary = [typeof(SeccompArbitraries)])].</summary>
public static class SeccompArbitraries
{
    public static Arbitrary<SeccompCase> Cases() => SeccompGenerators.Case.ToArbitrary();
}
