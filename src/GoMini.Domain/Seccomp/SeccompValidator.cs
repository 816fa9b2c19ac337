using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Seccomp;

/// <summary>Checks an OCI seccomp profile and resolves its names; every error at once, each with its JSON path.</summary>
internal static class SeccompValidator
{
    /// <summary>
    /// Architectures libseccomp knows that no table here covers. Their syscalls can never reach the
    /// kernels gomini runs on (x86_64, aarch64), so listing them changes nothing, as the default profiles
    /// of Docker and podman list them all. The one exception, SCMP_ARCH_ARM on an aarch64 host, is not
    /// admitted either: 32-bit ARM syscalls then get the bad-arch action (stricter, never looser).
    /// </summary>
    private static readonly System.Collections.Generic.HashSet<string> ForeignArchitectures =
    [
        "SCMP_ARCH_ARM", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL",
        "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE",
        "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64", "SCMP_ARCH_RISCV64",
        "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH", "SCMP_ARCH_SHEB",
    ];

    public static Validation<PlanError, SeccompProfile> Validate(SeccompSpec spec, string path, SeccompArch native)
    {
        var errors = new List<PlanError>();
        void Error(string at, string message) => errors.Add(new PlanError(at, message));

        var defaultAction = 0u;
        var defaultText = spec.DefaultAction ?? "";
        if (spec.DefaultAction is null) Error($"{path}.defaultAction", "must be set");
        else
        {
            if (spec.DefaultErrnoRet is not null && !SeccompActions.TakesErrno(spec.DefaultAction))
                Error($"{path}.defaultErrnoRet", $"only SCMP_ACT_ERRNO and SCMP_ACT_TRACE take an errno, not {spec.DefaultAction}");
            else if (spec.DefaultErrnoRet > SeccompActions.MaxData)
                Error($"{path}.defaultErrnoRet", $"{spec.DefaultErrnoRet} does not fit in SECCOMP_RET_DATA (at most {SeccompActions.MaxData})");
            SeccompActions.Value(spec.DefaultAction, spec.DefaultErrnoRet).Match(
                Right: v => defaultAction = v,
                Left: why => Error($"{path}.defaultAction", why));
            if (SeccompActions.TakesErrno(spec.DefaultAction))
                defaultText = $"{spec.DefaultAction}({spec.DefaultErrnoRet ?? SeccompActions.EPERM})";
        }

        var arches = new List<SeccompArch> { native };
        for (var i = 0; i < (spec.Architectures?.Count ?? 0); i++)
        {
            var name = spec.Architectures![i];
            SeccompArch.FromName(name).Match(
                Some: a => { if (!arches.Contains(a)) arches.Add(a); },
                None: () =>
                {
                    if (!ForeignArchitectures.Contains(name)) Error($"{path}.architectures[{i}]", $"unknown architecture \"{name}\"");
                });
        }

        var flags = 0u;
        for (var i = 0; i < (spec.Flags?.Count ?? 0); i++)
            SeccompFlags.Value(spec.Flags![i]).Match(Right: v => flags |= v, Left: why => Error($"{path}.flags[{i}]", why));

        if (spec.ListenerPath is not null)
            Error($"{path}.listenerPath", "is not supported: gomini has no seccomp listener (SCMP_ACT_NOTIFY)");

        var rules = new List<SeccompRule>();
        for (var r = 0; r < (spec.Syscalls?.Count ?? 0); r++)
        {
            var rule = spec.Syscalls![r];
            var at = $"{path}.syscalls[{r}]";
            rules.Add(ValidateRule(rule, at, Error));
        }

        return errors.Count > 0
            ? Validation<PlanError, SeccompProfile>.Fail(errors.ToSeq())
            : Validation<PlanError, SeccompProfile>.Success(
                new SeccompProfile(defaultAction, defaultText, arches, flags, rules));
    }

    private static SeccompRule ValidateRule(SyscallRuleSpec rule, string at, Action<string, string> error)
    {
        var names = rule.Names ?? [];
        if (names.Count == 0) error($"{at}.names", "must name at least one syscall");
        for (var n = 0; n < names.Count; n++)
            if (string.IsNullOrWhiteSpace(names[n])) error($"{at}.names[{n}]", "must not be empty");
        // A name no table knows is not an error: like runc (which logs and skips names libseccomp
        // cannot resolve for an arch), it simply matches nothing. Profiles such as Docker's and
        // podman's list syscalls of many architectures and kernel versions at once.

        var action = 0u;
        if (rule.Action is null) error($"{at}.action", "must be set");
        else
        {
            if (rule.ErrnoRet is not null && !SeccompActions.TakesErrno(rule.Action))
                error($"{at}.errnoRet", $"only SCMP_ACT_ERRNO and SCMP_ACT_TRACE take an errno, not {rule.Action}");
            else if (rule.ErrnoRet > SeccompActions.MaxData)
                error($"{at}.errnoRet", $"{rule.ErrnoRet} does not fit in SECCOMP_RET_DATA (at most {SeccompActions.MaxData})");
            SeccompActions.Value(rule.Action, rule.ErrnoRet).Match(Right: v => action = v, Left: why => error($"{at}.action", why));
        }

        var args = new List<ArgumentCheck>();
        for (var a = 0; a < (rule.Args?.Count ?? 0); a++)
        {
            var arg = rule.Args![a];
            var argAt = $"{at}.args[{a}]";
            if (arg.Index is null) error($"{argAt}.index", "must be set (0 to 5)");
            else if (arg.Index > 5) error($"{argAt}.index", $"{arg.Index} is out of range: a syscall has arguments 0 to 5");
            var op = Comparisons.Parse(arg.Op);
            if (op.IsNone) error($"{argAt}.op", arg.Op is null ? "must be set" : $"unknown operator \"{arg.Op}\"");
            // value/valueTwo are omitted by Go's encoder when 0, so absence means 0.
            args.Add(new ArgumentCheck((int)(arg.Index ?? 0), op.IfNone(Comparison.Equal), arg.Value ?? 0, arg.ValueTwo ?? 0));
        }

        return new SeccompRule(names, action, args);
    }
}

internal static class Comparisons
{
    public static Option<Comparison> Parse(string? op) => op switch
    {
        "SCMP_CMP_NE" => Comparison.NotEqual,
        "SCMP_CMP_LT" => Comparison.Less,
        "SCMP_CMP_LE" => Comparison.LessOrEqual,
        "SCMP_CMP_EQ" => Comparison.Equal,
        "SCMP_CMP_GE" => Comparison.GreaterOrEqual,
        "SCMP_CMP_GT" => Comparison.Greater,
        "SCMP_CMP_MASKED_EQ" => Comparison.MaskedEqual,
        _ => Prelude.None,
    };
}
