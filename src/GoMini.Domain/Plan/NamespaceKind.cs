using System.Text.Json.Serialization;

namespace GoMini.Domain.Plan;

/// <summary>The namespace types of the runtime-spec; their names are the spec's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NamespaceKind>))]
public enum NamespaceKind { Pid, Network, Mount, Ipc, Uts, User, Cgroup, Time }

public sealed record NamespaceJoin(NamespaceKind Kind, string Path);

[JsonConverter(typeof(JsonStringEnumConverter<HookPoint>))]
public enum HookPoint { Prestart, CreateRuntime, CreateContainer, StartContainer, Poststart, Poststop }
