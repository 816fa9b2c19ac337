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
        return new LoadSeccompFilter(
            BpfInstruction.Encode(program),
            program.Length,
            profile.Rules.Count,
            profile.Flags,
            $"{path}: {profile.Rules.Count} rules, default {profile.DefaultActionText}, " +
            $"{program.Length} BPF instructions for {arches}");
    }
}
