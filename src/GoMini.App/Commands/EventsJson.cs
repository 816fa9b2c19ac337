using System.Text.Json.Serialization;

namespace GoMini.App.Commands;

/// <summary>runc's event (types/events.go): {"type":"stats"|"oom","id":ID,"data":{...}}; data is left out for oom.</summary>
public sealed record ContainerEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EventStats? Data);

/// <summary>The parts of runc's Stats gomini fills from the container's cgroups.</summary>
public sealed record EventStats(
    [property: JsonPropertyName("cpu")] CpuStats Cpu,
    [property: JsonPropertyName("memory")] MemoryStats Memory,
    [property: JsonPropertyName("pids")] PidsStats Pids);

public sealed record CpuStats(
    [property: JsonPropertyName("usage")] CpuUsage Usage,
    [property: JsonPropertyName("throttling")] CpuThrottling Throttling);

/// <summary>Nanoseconds of CPU time: total, in the kernel and in user space.</summary>
public sealed record CpuUsage(
    [property: JsonPropertyName("total")] ulong Total,
    [property: JsonPropertyName("kernel")] ulong Kernel,
    [property: JsonPropertyName("user")] ulong User);

public sealed record CpuThrottling(
    [property: JsonPropertyName("periods")] ulong Periods,
    [property: JsonPropertyName("throttledPeriods")] ulong ThrottledPeriods,
    [property: JsonPropertyName("throttledTime")] ulong ThrottledTime);

public sealed record MemoryStats(
    [property: JsonPropertyName("cache")] ulong Cache,
    [property: JsonPropertyName("usage")] MemoryEntry Usage,
    [property: JsonPropertyName("swap")] MemoryEntry Swap,
    [property: JsonPropertyName("raw"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, ulong>? Raw);

/// <summary>Bytes; a limit of "max" is reported as runc does, 2^64-1.</summary>
public sealed record MemoryEntry(
    [property: JsonPropertyName("limit")] ulong Limit,
    [property: JsonPropertyName("usage")] ulong Usage,
    [property: JsonPropertyName("max")] ulong Max,
    [property: JsonPropertyName("failcnt")] ulong Failcnt);

public sealed record PidsStats(
    [property: JsonPropertyName("current")] ulong Current,
    [property: JsonPropertyName("limit")] ulong Limit);

/// <summary>Source-generated, one compact object per line as runc prints them.</summary>
[JsonSerializable(typeof(ContainerEvent))]
public sealed partial class EventsJsonContext : JsonSerializerContext;
