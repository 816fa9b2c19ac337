namespace GoMini.Domain.Spec;

/// <summary>
/// The OCI runtime-spec config.json (field names of runtime-spec 1.2), as read from a bundle.
/// Every field is optional here: presence and validity are the validators' job, so that a
/// missing field becomes a clear error with its JSON path rather than a parse failure.
/// </summary>
public sealed record RuntimeSpec
{
    public string? OciVersion { get; init; }
    public ProcessSpec? Process { get; init; }
    public RootSpec? Root { get; init; }
    public string? Hostname { get; init; }
    public string? Domainname { get; init; }
    public IReadOnlyList<MountSpec>? Mounts { get; init; }
    public HooksSpec? Hooks { get; init; }
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
    public LinuxSpec? Linux { get; init; }
}

public sealed record RootSpec
{
    public string? Path { get; init; }
    public bool? Readonly { get; init; }
}

public sealed record MountSpec
{
    public string? Destination { get; init; }
    public string? Type { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string>? Options { get; init; }
    public IReadOnlyList<IdMappingSpec>? UidMappings { get; init; }
    public IReadOnlyList<IdMappingSpec>? GidMappings { get; init; }
}

public sealed record IdMappingSpec
{
    public uint? ContainerID { get; init; }
    public uint? HostID { get; init; }
    public uint? Size { get; init; }
}

public sealed record HooksSpec
{
    public IReadOnlyList<HookSpec>? Prestart { get; init; }
    public IReadOnlyList<HookSpec>? CreateRuntime { get; init; }
    public IReadOnlyList<HookSpec>? CreateContainer { get; init; }
    public IReadOnlyList<HookSpec>? StartContainer { get; init; }
    public IReadOnlyList<HookSpec>? Poststart { get; init; }
    public IReadOnlyList<HookSpec>? Poststop { get; init; }
}

public sealed record HookSpec
{
    public string? Path { get; init; }
    public IReadOnlyList<string>? Args { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
    public int? Timeout { get; init; }
}
