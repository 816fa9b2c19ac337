using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Cgroups;

/// <summary>linux.resources as cgroup v2 control files, converted from the v1 semantics the way runc does.</summary>
public static class V2Writes
{
    /// <summary>The note gomini attaches to the container's cgroup when the config has device rules.</summary>
    public const string DevicesNotEnforced =
        "linux.resources.devices is not enforced on cgroup v2: device rules need an eBPF program, which gomini does not load yet";

    /// <param name="hasFile">whether the host offers a control file (used to pick io.bfq.weight over io.weight).</param>
    public static CgroupWrites From(ResourceRequest request, Func<string, bool> hasFile)
    {
        var r = request.Resources;
        var w = Seq<CgroupWrite>();
        var errors = Seq<PlanError>();
        void Add(string controller, string file, string value, string field, string note = "") =>
            w = w.Add(new CgroupWrite(controller, file, value, request.Path(field), note));
        void NotOnV2(string field, string why) => errors = errors.Add(new PlanError(request.Path(field), why));

        if (r.Memory is { } m)
        {
            if (m.Limit is { } limit) Add("memory", "memory.max", Conversions.MemoryMax(limit), "memory.limit");
            if (m.Swap is { } swap)
                Add("memory", "memory.swap.max", Conversions.SwapMax(swap, m.Limit ?? 0), "memory.swap", "swap alone: memory+swap minus memory");
            if (m.Reservation is { } res) Add("memory", "memory.low", Conversions.MemoryMax(res), "memory.reservation");
            if (m.Swappiness is not null) NotOnV2("memory.swappiness", "cgroup v2 has no per-cgroup swappiness; remove it on this host");
            if (m.DisableOOMKiller == true) NotOnV2("memory.disableOOMKiller", "cgroup v2 cannot disable the OOM killer for a cgroup");
            if (m.UseHierarchy == false) NotOnV2("memory.useHierarchy", "cgroup v2 memory accounting is always hierarchical");
        }
        if (r.Cpu is { } c)
        {
            if (c.Shares is { } shares)
                Add("cpu", "cpu.weight", Conversions.SharesToWeight(shares).ToString(), "cpu.shares", $"cpu.shares {shares} as a v2 weight");
            if (c.Quota is not null || c.Period is not null)
                Add("cpu", "cpu.max", Conversions.CpuMax(c.Quota, c.Period), c.Quota is not null ? "cpu.quota" : "cpu.period", "quota and period in µs");
            if (c.Burst is { } burst) Add("cpu", "cpu.max.burst", burst.ToString(), "cpu.burst");
            if (c.Idle is { } idle) Add("cpu", "cpu.idle", idle.ToString(), "cpu.idle");
            if (c.Cpus is { } cpus) Add("cpuset", "cpuset.cpus", cpus, "cpu.cpus");
            if (c.Mems is { } mems) Add("cpuset", "cpuset.mems", mems, "cpu.mems");
            if (c.RealtimeRuntime is not null) NotOnV2("cpu.realtimeRuntime", "cgroup v2 has no realtime CPU limits");
            if (c.RealtimePeriod is not null) NotOnV2("cpu.realtimePeriod", "cgroup v2 has no realtime CPU limits");
        }
        if (r.Pids is { Limit: { } pids }) Add("pids", "pids.max", Conversions.PidsMax(pids), "pids.limit");
        if (r.BlockIO is { } b)
        {
            var bfq = hasFile("io.bfq.weight");
            if (b.Weight is { } bw)
            {
                if (bfq) Add("io", "io.bfq.weight", bw.ToString(), "blockIO.weight", "the BFQ weight has blkio's range");
                else Add("io", "io.weight", $"default {Conversions.BlkioWeightToIoWeight(bw)}", "blockIO.weight", $"blkio weight {bw} as an io weight");
            }
            if (b.LeafWeight is not null) NotOnV2("blockIO.leafWeight", "cgroup v2 has no leaf weights");
            foreach (var (d, i) in (b.WeightDevice ?? []).Select((d, i) => (d, i)))
            {
                if (d.Weight is { } dw)
                {
                    if (bfq) Add("io", "io.bfq.weight", $"{d.Major}:{d.Minor} {dw}", $"blockIO.weightDevice[{i}]");
                    else Add("io", "io.weight", $"{d.Major}:{d.Minor} {Conversions.BlkioWeightToIoWeight(dw)}", $"blockIO.weightDevice[{i}]", "as an io weight");
                }
                if (d.LeafWeight is not null) NotOnV2($"blockIO.weightDevice[{i}].leafWeight", "cgroup v2 has no leaf weights");
            }
            foreach (var (name, list) in ResourceValidation.Throttles(b))
                foreach (var (d, i) in list.Select((d, i) => (d, i)))
                    Add("io", "io.max", $"{d.Major}:{d.Minor} {IoKey(name)}={Conversions.IoRate(d.Rate ?? 0)}", $"blockIO.{name}[{i}]");
        }
        foreach (var (h, i) in (r.HugepageLimits ?? []).Select((h, i) => (h, i)))
            Add("hugetlb", $"hugetlb.{h.PageSize}.max", h.Limit.ToString() ?? "", $"hugepageLimits[{i}]");
        if (r.Network is not null) NotOnV2("network", "cgroup v2 has no net_cls/net_prio controllers");
        // unified last: it is the user's word on v2 and may refine what the fields above wrote.
        foreach (var (key, value) in r.Unified ?? new Dictionary<string, string>())
            w = w.Add(new CgroupWrite(key.Split('.')[0], key, value, $"linux.resources.unified.{key}"));
        return new CgroupWrites(w, errors);
    }

    private static string IoKey(string name) => name switch
    {
        "throttleReadBpsDevice" => "rbps",
        "throttleWriteBpsDevice" => "wbps",
        "throttleReadIOPSDevice" => "riops",
        _ => "wiops",
    };
}
