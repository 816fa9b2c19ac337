namespace GoMini.Domain.Spec;

public sealed record SeccompSpec
{
    public string? DefaultAction { get; init; }
    public uint? DefaultErrnoRet { get; init; }
    public IReadOnlyList<string>? Architectures { get; init; }
    public IReadOnlyList<string>? Flags { get; init; }
    public string? ListenerPath { get; init; }
    public string? ListenerMetadata { get; init; }
    public IReadOnlyList<SyscallRuleSpec>? Syscalls { get; init; }
}

public sealed record SyscallRuleSpec
{
    public IReadOnlyList<string>? Names { get; init; }
    public string? Action { get; init; }
    public uint? ErrnoRet { get; init; }
    public IReadOnlyList<SyscallArgSpec>? Args { get; init; }
}

public sealed record SyscallArgSpec
{
    public uint? Index { get; init; }
    public ulong? Value { get; init; }
    public ulong? ValueTwo { get; init; }
    public string? Op { get; init; }
}
