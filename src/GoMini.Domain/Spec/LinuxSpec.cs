namespace GoMini.Domain.Spec;

public sealed record LinuxSpec
{
    public IReadOnlyList<NamespaceSpec>? Namespaces { get; init; }
    public IReadOnlyList<IdMappingSpec>? UidMappings { get; init; }
    public IReadOnlyList<IdMappingSpec>? GidMappings { get; init; }
    public IReadOnlyDictionary<string, TimeOffsetSpec>? TimeOffsets { get; init; }
    public IReadOnlyList<DeviceSpec>? Devices { get; init; }
    public string? CgroupsPath { get; init; }
    public ResourcesSpec? Resources { get; init; }
    public string? RootfsPropagation { get; init; }
    public SeccompSpec? Seccomp { get; init; }
    public IReadOnlyDictionary<string, string>? Sysctl { get; init; }
    public IReadOnlyList<string>? MaskedPaths { get; init; }
    public IReadOnlyList<string>? ReadonlyPaths { get; init; }
    public string? MountLabel { get; init; }
    public PersonalitySpec? Personality { get; init; }
}

public sealed record NamespaceSpec
{
    public string? Type { get; init; }
    public string? Path { get; init; }
}

public sealed record TimeOffsetSpec
{
    public long? Secs { get; init; }
    public uint? Nanosecs { get; init; }
}

public sealed record DeviceSpec
{
    public string? Type { get; init; }
    public string? Path { get; init; }
    public long? Major { get; init; }
    public long? Minor { get; init; }
    public uint? FileMode { get; init; }
    public uint? Uid { get; init; }
    public uint? Gid { get; init; }
}

public sealed record PersonalitySpec
{
    public string? Domain { get; init; }
    public IReadOnlyList<string>? Flags { get; init; }
}
