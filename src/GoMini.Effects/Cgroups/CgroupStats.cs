namespace GoMini.Effects.Cgroups;

/// <summary>What a container's cgroups say about it; null where the host has no such file.</summary>
/// <param name="MemoryBytes">memory.usage_in_bytes (v1) or memory.current (v2).</param>
/// <param name="CpuNanoseconds">cpuacct.usage (v1) or cpu.stat usage_usec × 1000 (v2).</param>
/// <param name="Pids">pids.current.</param>
public sealed record CgroupStats(long? MemoryBytes, long? CpuNanoseconds, long? Pids)
{
    internal static CgroupStats Read(string[] dirs)
    {
        long? Number(string file) => dirs.Select(d => CgroupEffects.ReadOrNull(Path.Combine(d, file)))
            .Where(t => t is not null).Select(t => long.TryParse(t!.Trim(), out var v) ? v : (long?)null).FirstOrDefault(v => v is not null);
        long? CpuV2() => dirs.Select(d => CgroupEffects.Counter(Path.Combine(d, "cpu.stat"), "usage_usec"))
            .Where(v => v >= 0).Select(v => (long?)(v * 1000)).FirstOrDefault();
        return new CgroupStats(
            Number("memory.usage_in_bytes") ?? Number("memory.current"),
            Number("cpuacct.usage") ?? CpuV2(),
            Number("pids.current"));
    }
}
