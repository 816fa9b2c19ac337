using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Seccomp;

/// <summary>Compiles an OCI seccomp profile into a classic BPF program: a pure function.</summary>
public static class SeccompCompiler
{
    // CONTRACT (owned by the seccomp work).
    /// <summary>Compiles for the ABI this binary runs as (see <see cref="SeccompArch.Native"/>).</summary>
    public static Validation<PlanError, LoadSeccompFilter> Compile(SeccompSpec spec, string path) =>
        Compile(spec, path, SeccompArch.Native);

    /// <summary>Compiles for a given native ABI: it is always admitted, with those in spec.architectures.</summary>
    public static Validation<PlanError, LoadSeccompFilter> Compile(SeccompSpec spec, string path, SeccompArch native) =>
        SeccompValidator.Validate(spec, path, native).Bind(profile => Assemble(profile, path));

    private static Validation<PlanError, LoadSeccompFilter> Assemble(SeccompProfile profile, string path)
    {
        var program = SeccompCodegen.Generate(profile);
        if (program.Length > BpfInstruction.MaxInstructions)
            return new PlanError(path,
                $"the profile compiles to {program.Length} BPF instructions; the kernel accepts at most {BpfInstruction.MaxInstructions}");
        var arches = string.Join(", ", profile.Architectures.Select(a => a.Name));
        // A rule is one syscall name of one entry, as libseccomp counts them (seccomp_rule_add per name).
        var rules = profile.Rules.Sum(r => r.Names.Count);
        return new LoadSeccompFilter(
            BpfInstruction.Encode(program),
            program.Length,
            rules,
            profile.Flags,
            $"{path}: {rules} rules ({profile.Rules.Count} entries), default {profile.DefaultActionText}, " +
            $"{program.Length} BPF instructions for {arches}");
    }
}
