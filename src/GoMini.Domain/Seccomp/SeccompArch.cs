using GoMini.Domain.Seccomp.Tables;
using LanguageExt;

namespace GoMini.Domain.Seccomp;

/// <summary>
/// A system call ABI a filter can see: its libseccomp name, the AUDIT_ARCH_* token the kernel puts in
/// seccomp_data.arch, and its syscall name→number table (generated from the kernel headers, see Tables/).
/// </summary>
public sealed class SeccompArch
{
    /// <summary>x32 syscalls arrive with the x86_64 token and this bit set in the number.</summary>
    public const uint X32SyscallBit = 0x40000000;

    public static readonly SeccompArch X86_64 = new("SCMP_ARCH_X86_64", 0xC000003E, SyscallsX86_64.Entries);
    public static readonly SeccompArch X86 = new("SCMP_ARCH_X86", 0x40000003, SyscallsX86.Entries);
    public static readonly SeccompArch X32 = new("SCMP_ARCH_X32", 0xC000003E, SyscallsX32.Entries);
    public static readonly SeccompArch Aarch64 = new("SCMP_ARCH_AARCH64", 0xC00000B7, SyscallsAarch64.Entries);

    /// <summary>The ABIs this compiler has tables for.</summary>
    // Prelude.Seq, not a collection expression: LanguageExt 4's Seq has an immutable Add that such an
    // expression would call and discard, leaving the sequence empty.
    public static readonly Seq<SeccompArch> Supported = Prelude.Seq(X86_64, X86, X32, Aarch64);

    private readonly Dictionary<string, uint> numbers;

    private SeccompArch(string name, uint auditArch, (string Name, uint Number)[] entries)
    {
        Name = name;
        AuditArch = auditArch;
        numbers = entries.ToDictionary(e => e.Name, e => e.Number, StringComparer.Ordinal);
    }

    public string Name { get; }

    public uint AuditArch { get; }

    /// <summary>Every syscall name this ABI knows, in number order.</summary>
    public IEnumerable<string> SyscallNames => numbers.OrderBy(e => e.Value).Select(e => e.Key);

    public Option<uint> Number(string syscall) =>
        numbers.TryGetValue(syscall, out var n) ? Prelude.Some(n) : Prelude.None;

    public static Option<SeccompArch> FromName(string name) => Supported.Find(a => a.Name == name);

    /// <summary>
    /// The ABI of the code this process runs as. The compiled filter is loaded by this very binary,
    /// so its own architecture (fixed at build time, not read from the host) is the native one.
    /// </summary>
    public static SeccompArch Native =>
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.Arm64 => Aarch64,
            _ => X86_64,
        };

    public override string ToString() => Name;
}
