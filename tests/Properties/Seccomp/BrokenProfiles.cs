using FsCheck;
using FsCheck.Fluent;
using GoMini.Domain.Spec;

namespace GoMini.Properties.Seccomp;

/// <summary>A valid profile with mistakes put in, and the JSON paths each mistake must be reported at.</summary>
public sealed record BrokenProfile(SeccompSpec Spec, string[] ExpectedPaths)
{
    public override string ToString() => $"expected at: {string.Join("; ", ExpectedPaths)}";
}

public static class BrokenProfiles
{
    private const string P = "linux.seccomp";

    private enum RuleMistake { UnknownAction, Notify, UnknownOp, IndexTooBig, ErrnoOnAllow, NoNames }

    private static (SyscallRuleSpec Rule, string Path) Break(SyscallRuleSpec rule, RuleMistake mistake, string at) => mistake switch
    {
        RuleMistake.UnknownAction => (rule with { Action = "SCMP_ACT_BOGUS", ErrnoRet = null }, $"{at}.action"),
        RuleMistake.Notify => (rule with { Action = "SCMP_ACT_NOTIFY", ErrnoRet = null }, $"{at}.action"),
        RuleMistake.UnknownOp => (rule with { Args = [new SyscallArgSpec { Index = 0, Op = "SCMP_CMP_ALMOST" }, .. rule.Args ?? []] }, $"{at}.args[0].op"),
        RuleMistake.IndexTooBig => (rule with { Args = [new SyscallArgSpec { Index = 6, Op = "SCMP_CMP_EQ" }, .. rule.Args ?? []] }, $"{at}.args[0].index"),
        RuleMistake.ErrnoOnAllow => (rule with { Action = "SCMP_ACT_ALLOW", ErrnoRet = 5 }, $"{at}.errnoRet"),
        _ => (rule with { Names = [] }, $"{at}.names"),
    };

    public static Gen<BrokenProfile> Broken =>
        from spec in SeccompGenerators.Profile(12).Where(s => s.Syscalls!.Count > 0)
        from mistakes in Gen.Elements(Enum.GetValues<RuleMistake>()).ArrayOf(spec.Syscalls!.Count)
        from broken in Gen.Choose(0, 1).ArrayOf(spec.Syscalls!.Count)           // which rules get their mistake
        from badDefault in ArbMap.Default.GeneratorFor<bool>()
        from badArch in ArbMap.Default.GeneratorFor<bool>()
        from badFlag in ArbMap.Default.GeneratorFor<bool>()
        select Apply(spec, mistakes, broken, badDefault, badArch, badFlag);

    private static BrokenProfile Apply(SeccompSpec spec, RuleMistake[] mistakes, int[] broken, bool badDefault, bool badArch, bool badFlag)
    {
        var paths = new List<string>();
        var rules = spec.Syscalls!.ToArray();
        for (var i = 0; i < rules.Length; i++)
        {
            if (broken[i] == 0 && !(i == 0 && !badDefault && !badArch && !badFlag)) continue; // at least one mistake
            (rules[i], var path) = Break(rules[i], mistakes[i], $"{P}.syscalls[{i}]");
            paths.Add(path);
        }
        if (badDefault)
        {
            spec = spec with { DefaultAction = "X", DefaultErrnoRet = null };
            paths.Add($"{P}.defaultAction");
        }
        if (badArch)
        {
            spec = spec with { Architectures = [.. spec.Architectures ?? [], "SCMP_ARCH_VAX"] };
            paths.Add($"{P}.architectures[{spec.Architectures.Count - 1}]");
        }
        if (badFlag)
        {
            spec = spec with { Flags = ["SECCOMP_FILTER_FLAG_BOGUS", .. spec.Flags ?? []] };
            paths.Add($"{P}.flags[0]");
        }
        return new BrokenProfile(spec with { Syscalls = rules }, [.. paths.Order(StringComparer.Ordinal)]);
    }

    public static Arbitrary<BrokenProfile> Profiles() => Broken.ToArbitrary();
}
