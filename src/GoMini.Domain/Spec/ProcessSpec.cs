namespace GoMini.Domain.Spec;

public sealed record ProcessSpec
{
    public bool? Terminal { get; init; }
    public ConsoleSizeSpec? ConsoleSize { get; init; }
    public UserSpec? User { get; init; }
    public IReadOnlyList<string>? Args { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
    public string? Cwd { get; init; }
    public CapabilitiesSpec? Capabilities { get; init; }
    public IReadOnlyList<RlimitSpec>? Rlimits { get; init; }
    public bool? NoNewPrivileges { get; init; }
    public int? OomScoreAdj { get; init; }
    public string? ApparmorProfile { get; init; }
    public string? SelinuxLabel { get; init; }
}

public sealed record ConsoleSizeSpec
{
    public uint? Height { get; init; }
    public uint? Width { get; init; }
}

public sealed record UserSpec
{
    public uint? Uid { get; init; }
    public uint? Gid { get; init; }
    public uint? Umask { get; init; }
    public IReadOnlyList<uint>? AdditionalGids { get; init; }
}

public sealed record CapabilitiesSpec
{
    public IReadOnlyList<string>? Bounding { get; init; }
    public IReadOnlyList<string>? Effective { get; init; }
    public IReadOnlyList<string>? Inheritable { get; init; }
    public IReadOnlyList<string>? Permitted { get; init; }
    public IReadOnlyList<string>? Ambient { get; init; }
}

public sealed record RlimitSpec
{
    public string? Type { get; init; }
    public ulong? Hard { get; init; }
    public ulong? Soft { get; init; }
}
