namespace GoMini.Domain.Cgroups;

/// <summary>
/// The v1 → v2 value conversions, done the way runc does them so that a config means the same
/// on either host. Each one is a property in tests/Properties/Cgroups.
/// </summary>
public static class Conversions
{
    /// <summary>The period the kernel uses when none is given, and the one `--cpu` assumes: 100 ms.</summary>
    public const ulong DefaultCpuPeriod = 100_000;

    /// <summary>cpu.shares [2, 262144] → cpu.weight [1, 10000]: runc's linear map.</summary>
    public static ulong SharesToWeight(ulong shares) => shares == 0 ? 0 : 1 + (shares - 2) * 9999 / 262142;

    /// <summary>blkio.weight [10, 1000] → io.weight [1, 10000]: runc's linear map.</summary>
    public static ulong BlkioWeightToIoWeight(ulong weight) => weight == 0 ? 0 : 1 + (weight - 10) * 9999 / 990;

    /// <summary>quota/period (µs) → cpu.max "quota period"; no quota or -1 means "max".</summary>
    public static string CpuMax(long? quota, ulong? period) =>
        $"{(quota is null or < 0 ? "max" : quota.Value.ToString())} {period ?? DefaultCpuPeriod}";

    /// <summary>memory.limit → memory.max: -1 is "max".</summary>
    public static string MemoryMax(long limit) => limit < 0 ? "max" : limit.ToString();

    /// <summary>
    /// The spec's swap is memory+swap (v1 memory.memsw.limit_in_bytes); v2's memory.swap.max is
    /// swap alone, so it is swap − limit; -1 stays "max".
    /// </summary>
    public static string SwapMax(long memoryPlusSwap, long limit) =>
        memoryPlusSwap < 0 ? "max" : (memoryPlusSwap - limit).ToString();

    /// <summary>pids.limit: -1 and 0 mean no limit ("max"), as in runc.</summary>
    public static string PidsMax(long limit) => limit <= 0 ? "max" : limit.ToString();

    /// <summary>A throttle rate for io.max: 0 removes the limit ("max").</summary>
    public static string IoRate(ulong rate) => rate == 0 ? "max" : rate.ToString();
}
