using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Cgroups;

/// <summary>linux.resources as cgroup v1 control files (runc's libcontainer/cgroups/fs).</summary>
public static class V1Writes
{
    public static CgroupWrites From(ResourceRequest request, bool devicesMounted)
    {
        var r = request.Resources;
        var w = Seq<CgroupWrite>();
        var errors = Seq<PlanError>();
        void Add(string controller, string file, string value, string field, string note = "") =>
            w = w.Add(new CgroupWrite(controller, file, value, request.Path(field), note));

        if (r.Memory is { } m)
        {
            // limit before memsw: the kernel wants memory+swap >= memory at every moment.
            if (m.Limit is { } limit) Add("memory", "memory.limit_in_bytes", limit.ToString(), "memory.limit");
            if (m.Swap is { } swap) Add("memory", "memory.memsw.limit_in_bytes", swap.ToString(), "memory.swap", "memory plus swap");
            if (m.Reservation is { } res) Add("memory", "memory.soft_limit_in_bytes", res.ToString(), "memory.reservation");
            if (m.Swappiness is { } sw) Add("memory", "memory.swappiness", sw.ToString(), "memory.swappiness");
            if (m.DisableOOMKiller == true) Add("memory", "memory.oom_control", "1", "memory.disableOOMKiller");
            if (m.UseHierarchy is { } h) Add("memory", "memory.use_hierarchy", h ? "1" : "0", "memory.useHierarchy");
        }
        if (r.Cpu is { } c)
        {
            if (c.Shares is { } shares) Add("cpu", "cpu.shares", shares.ToString(), "cpu.shares");
            // period before quota: a quota is checked against the period in force.
            if (c.Period is { } period) Add("cpu", "cpu.cfs_period_us", period.ToString(), "cpu.period");
            if (c.Quota is { } quota) Add("cpu", "cpu.cfs_quota_us", quota.ToString(), "cpu.quota",
                quota > 0 ? $"{quota} µs per {c.Period ?? Conversions.DefaultCpuPeriod} µs" : "no limit");
            if (c.Burst is { } burst) Add("cpu", "cpu.cfs_burst_us", burst.ToString(), "cpu.burst");
            if (c.RealtimePeriod is { } rtp) Add("cpu", "cpu.rt_period_us", rtp.ToString(), "cpu.realtimePeriod");
            if (c.RealtimeRuntime is { } rtr) Add("cpu", "cpu.rt_runtime_us", rtr.ToString(), "cpu.realtimeRuntime");
            if (c.Idle is { } idle) Add("cpu", "cpu.idle", idle.ToString(), "cpu.idle");
            // cpuset.cpus/mems are written by the layout (every new cpuset cgroup needs them).
        }
        if (r.Pids is { Limit: { } pids }) Add("pids", "pids.max", Conversions.PidsMax(pids), "pids.limit");
        if (r.BlockIO is { } b)
        {
            if (b.Weight is { } bw) Add("blkio", "blkio.weight", bw.ToString(), "blockIO.weight");
            if (b.LeafWeight is { } lw) Add("blkio", "blkio.leaf_weight", lw.ToString(), "blockIO.leafWeight");
            foreach (var (d, i) in (b.WeightDevice ?? []).Select((d, i) => (d, i)))
            {
                if (d.Weight is { } dw) Add("blkio", "blkio.weight_device", $"{d.Major}:{d.Minor} {dw}", $"blockIO.weightDevice[{i}]");
                if (d.LeafWeight is { } dl) Add("blkio", "blkio.leaf_weight_device", $"{d.Major}:{d.Minor} {dl}", $"blockIO.weightDevice[{i}]");
            }
            foreach (var (name, list) in ResourceValidation.Throttles(b))
                foreach (var (d, i) in list.Select((d, i) => (d, i)))
                    Add("blkio", ThrottleFile(name), $"{d.Major}:{d.Minor} {d.Rate}", $"blockIO.{name}[{i}]");
        }
        foreach (var (h, i) in (r.HugepageLimits ?? []).Select((h, i) => (h, i)))
            Add("hugetlb", $"hugetlb.{h.PageSize}.limit_in_bytes", h.Limit.ToString() ?? "", $"hugepageLimits[{i}]");
        if (r.Network is { } n)
        {
            if (n.ClassID is { } id) Add("net_cls", "net_cls.classid", id.ToString(), "network.classID");
            foreach (var (p, i) in (n.Priorities ?? []).Select((p, i) => (p, i)))
                Add("net_prio", "net_prio.ifpriomap", $"{p.Name} {p.Priority}", $"network.priorities[{i}]");
        }
        if (r.Unified is { Count: > 0 })
            errors = errors.Add(new PlanError("linux.resources.unified",
                "holds cgroup v2 files, but this host's resource controllers are cgroup v1; use the v1 fields (memory, cpu, pids, ...)"));
        if (devicesMounted) w = w.Then(DeviceRules.V1(request));
        return new CgroupWrites(w, errors);
    }

    private static string ThrottleFile(string name) => name switch
    {
        "throttleReadBpsDevice" => "blkio.throttle.read_bps_device",
        "throttleWriteBpsDevice" => "blkio.throttle.write_bps_device",
        "throttleReadIOPSDevice" => "blkio.throttle.read_iops_device",
        _ => "blkio.throttle.write_iops_device",
    };
}
