using GoMini.Domain.Plan;

namespace GoMini.Effects.Seccomp;

/// <summary>Installs a compiled filter with seccomp(2); the last thing before execve.</summary>
public static class SeccompLoader
{
    // CONTRACT (owned by the seccomp work): throws SyscallException on failure.
    public static void Load(LoadSeccompFilter step) => throw new NotImplementedException();
}
