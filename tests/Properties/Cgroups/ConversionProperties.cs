using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Spec;
using static GoMini.Properties.Cgroups.CgroupGenerators;
using static LanguageExt.Prelude;

namespace GoMini.Properties.Cgroups;

/// <summary>The v1 ↔ v2 conversions, each checked on the conversion itself and in the planned writes.</summary>
public sealed class ConversionProperties
{
    private static readonly Gen<ulong> Shares = Gen.Choose(2, 262144).Select(i => (ulong)i);

    [Property(MaxTest = 100)]
    public Property Cpu_shares_map_monotonically_onto_cpu_weight_from_1_to_10000() =>
        Prop.ForAll(Shares.ToArbitrary(), Shares.ToArbitrary(), (a, b) =>
        {
            var (wa, wb) = (Conversions.SharesToWeight(a), Conversions.SharesToWeight(b));
            return wa is >= 1 and <= 10000 && (a <= b ? wa <= wb : wa >= wb)
                && Conversions.SharesToWeight(2) == 1 && Conversions.SharesToWeight(262144) == 10000
                && Conversions.SharesToWeight(1024) == 39;
        });

    [Property(MaxTest = 100)]
    public Property Cpu_shares_are_written_as_cpu_shares_on_v1_and_as_the_converted_cpu_weight_on_v2() =>
        Prop.ForAll(Shares.ToArbitrary(), shares =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Cpu = new CpuSpec { Shares = shares } } } };
            var v1 = Writes(new CgroupCase(LegacyHost, spec, new RunOptions()).Valid());
            var v2 = Writes(new CgroupCase(UnifiedHost, spec, new RunOptions()).Valid());
            return v1.Exists(w => w.Path.EndsWith("/cpu.shares") && w.Value == shares.ToString())
                && v2.Exists(w => w.Path.EndsWith("/cpu.weight") && w.Value == Conversions.SharesToWeight(shares).ToString());
        });

    private static readonly Gen<(long Limit, long Extra)> MemoryAndSwap =
        from limit in Gen.Choose(1, 1 << 20) from extra in Gen.Choose(0, 1 << 20) select ((long)limit * 4096, (long)extra * 4096);

    [Property(MaxTest = 100)]
    public Property Memory_plus_swap_is_memsw_on_v1_and_swap_alone_is_memory_swap_max_on_v2() =>
        Prop.ForAll(MemoryAndSwap.ToArbitrary(), x =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Memory = new MemorySpec { Limit = x.Limit, Swap = x.Limit + x.Extra } } } };
            var v1 = Writes(new CgroupCase(LegacyHost, spec, new RunOptions()).Valid());
            var v2 = Writes(new CgroupCase(UnifiedHost, spec, new RunOptions()).Valid());
            var limitFirst = v1.Map(w => w.Path).ToList().FindIndex(p => p.EndsWith("memory.limit_in_bytes"))
                < v1.Map(w => w.Path).ToList().FindIndex(p => p.EndsWith("memory.memsw.limit_in_bytes"));
            return Conversions.SwapMax(x.Limit + x.Extra, x.Limit) == x.Extra.ToString() && limitFirst
                && v1.Exists(w => w.Path.EndsWith("/memory.memsw.limit_in_bytes") && w.Value == (x.Limit + x.Extra).ToString())
                && v2.Exists(w => w.Path.EndsWith("/memory.swap.max") && w.Value == x.Extra.ToString())
                && v2.Exists(w => w.Path.EndsWith("/memory.max") && w.Value == x.Limit.ToString());
        });

    [Property(MaxTest = 100)]
    public Property No_memory_or_swap_limit_is_minus_one_on_v1_and_max_on_v2() =>
        Prop.ForAll(Gen.Elements(true, false).ToArbitrary(), swapToo =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Memory = new MemorySpec { Limit = -1, Swap = swapToo ? -1 : null } } } };
            var v1 = Writes(new CgroupCase(LegacyHost, spec, new RunOptions()).Valid());
            var v2 = Writes(new CgroupCase(UnifiedHost, spec, new RunOptions()).Valid());
            return v1.Exists(w => w.Path.EndsWith("/memory.limit_in_bytes") && w.Value == "-1")
                && v2.Exists(w => w.Path.EndsWith("/memory.max") && w.Value == "max")
                && (!swapToo || v2.Exists(w => w.Path.EndsWith("/memory.swap.max") && w.Value == "max"));
        });

    private static readonly Gen<(long? Quota, ulong? Period)> QuotaPeriod =
        from q in Gen.OneOf(Gen.Constant<long?>(null), Gen.Constant<long?>(-1), Gen.Choose(1000, 4_000_000).Select(i => (long?)i))
        from p in Gen.OneOf(Gen.Constant<ulong?>(null), Gen.Choose(1000, 1_000_000).Select(i => (ulong?)i))
        where q is not null || p is not null
        select (q, p);

    [Property(MaxTest = 100)]
    public Property Quota_and_period_are_cfs_files_on_v1_and_one_cpu_max_line_on_v2() =>
        Prop.ForAll(QuotaPeriod.ToArbitrary(), x =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Cpu = new CpuSpec { Quota = x.Quota, Period = x.Period } } } };
            var v1 = Writes(new CgroupCase(LegacyHost, spec, new RunOptions()).Valid());
            var v2 = Writes(new CgroupCase(UnifiedHost, spec, new RunOptions()).Valid());
            var expected = $"{(x.Quota is null or -1 ? "max" : x.Quota.ToString())} {x.Period ?? 100_000}";
            return v2.Exists(w => w.Path.EndsWith("/cpu.max") && w.Value == expected)
                && (x.Quota is null || v1.Exists(w => w.Path.EndsWith("/cpu.cfs_quota_us") && w.Value == x.Quota.ToString()))
                && (x.Period is null || v1.Exists(w => w.Path.EndsWith("/cpu.cfs_period_us") && w.Value == x.Period.ToString()));
        });

    [Property(MaxTest = 100)]
    public Property The_cpu_flag_is_a_quota_per_100ms_period_on_both_versions() =>
        Prop.ForAll(Gen.Choose(1000, 400_000).ToArbitrary(), quota =>
        {
            var options = new RunOptions { CpuQuota = Some((long)quota) };
            var v1 = Writes(new CgroupCase(LegacyHost, new RuntimeSpec(), options).Valid());
            var v2 = Writes(new CgroupCase(UnifiedHost, new RuntimeSpec(), options).Valid());
            return v2.Exists(w => w.Path.EndsWith("/cpu.max") && w.Value == $"{quota} 100000")
                && v1.Exists(w => w.Path.EndsWith("/cpu.cfs_quota_us") && w.Value == quota.ToString() && w.Reason.StartsWith("--cpu"))
                && v1.Exists(w => w.Path.EndsWith("/cpu.cfs_period_us") && w.Value == "100000");
        });

    [Property(MaxTest = 100)]
    public Property A_pids_limit_of_zero_or_minus_one_is_max_and_a_positive_one_is_itself() =>
        Prop.ForAll(Gen.Choose(-1, 100_000).ToArbitrary(), limit =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Pids = new PidsSpec { Limit = limit } } } };
            var expected = limit <= 0 ? "max" : limit.ToString();
            return new[] { LegacyHost, UnifiedHost }.All(host =>
                Writes(new CgroupCase(host, spec, new RunOptions()).Valid()).Exists(w => w.Path.EndsWith("/pids.max") && w.Value == expected));
        });

    [Property(MaxTest = 100)]
    public Property Blkio_weight_is_blkio_weight_on_v1_and_the_converted_io_weight_on_v2() =>
        Prop.ForAll(Gen.Choose(10, 1000).ToArbitrary(), weight =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { BlockIO = new BlockIOSpec { Weight = (ushort)weight } } } };
            var io = Conversions.BlkioWeightToIoWeight((ulong)weight);
            return io is >= 1 and <= 10000 && Conversions.BlkioWeightToIoWeight(10) == 1 && Conversions.BlkioWeightToIoWeight(1000) == 10000
                && Writes(new CgroupCase(LegacyHost, spec, new RunOptions()).Valid()).Exists(w => w.Path.EndsWith("/blkio.weight") && w.Value == weight.ToString())
                && Writes(new CgroupCase(UnifiedHost, spec, new RunOptions()).Valid()).Exists(w => w.Path.EndsWith("/io.weight") && w.Value == $"default {io}");
        });

    public static readonly CgroupFacts LegacyHost =
        new(CgroupMode.Legacy, V1Controllers.Map(c => V1(c, "/user.slice")));

    public static readonly CgroupFacts UnifiedHost =
        new(CgroupMode.Unified, Seq1(V2("/sys/fs/cgroup", "/user.slice", Seq("cpuset", "cpu", "io", "memory", "hugetlb", "pids"))));
}
