namespace GoMini.Effects.State;

/// <summary>
/// What gomini remembers about a container between commands, in &lt;root&gt;/&lt;id&gt;/state.json.
/// <see cref="StartTime"/> (field 22 of /proc/pid/stat) tells our init from a later process that
/// reused its pid. <see cref="Cgroups"/> are the directories the init joined; <see cref="CreatedCgroups"/>
/// the leaves gomini made for it, removed on delete; <see cref="CgroupParents"/> the parents between
/// gomini's own cgroup and those leaves (maybe shared), released on delete: removed only if gomini's
/// cgroup ledger says gomini created them and no other container uses them.
/// </summary>
public sealed record ContainerState
{
    public string OciVersion { get; init; } = "1.0.2";
    public string Id { get; init; } = "";
    public int Pid { get; init; }
    public ulong StartTime { get; init; }
    public string Bundle { get; init; } = "";
    public string Rootfs { get; init; } = "";
    public DateTime Created { get; init; }
    public Dictionary<string, string>? Annotations { get; init; }
    public string[] Cgroups { get; init; } = [];
    public string[] CreatedCgroups { get; init; } = [];
    public string[] CgroupParents { get; init; } = [];
}

/// <summary>The runtime-spec State object, as `state` prints it (runc's field order and extras).</summary>
public sealed record StateView
{
    public string OciVersion { get; init; } = "1.0.2";
    public string Id { get; init; } = "";
    public int Pid { get; init; }
    public string Status { get; init; } = "";
    public string Bundle { get; init; } = "";
    public string Rootfs { get; init; } = "";
    public DateTime Created { get; init; }
    public string Owner { get; init; } = "";
    public Dictionary<string, string>? Annotations { get; init; }
}
