using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Seccomp;

/// <summary>Compiles an OCI seccomp profile into a classic BPF program: a pure function.</summary>
public static class SeccompCompiler
{
    // CONTRACT (owned by the seccomp work): the real compiler replaces this body.
    public static Validation<PlanError, LoadSeccompFilter> Compile(SeccompSpec spec, string path) =>
        new PlanError(path, "seccomp is not supported yet");
}
