using System.Text.RegularExpressions;
using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// The checks that hold whatever the host: ranges the kernel would reject, zero or negative
/// limits, swap below memory. Every error names the field (or flag) it is about.
/// </summary>
public static partial class ResourceValidation
{
    public static Seq<PlanError> Check(ResourceRequest request)
    {
        var r = request.Resources;
        var errors = Seq<PlanError>();
        PlanError Err(string field, string message) => new(request.Path(field), message);
        void Add(bool bad, string field, string message) { if (bad) errors = errors.Add(Err(field, message)); }

        // -1 means "no limit" in the config; a flag that asks for a limit must give one.
        foreach (var (field, flag) in request.Flags)
            Add(field == "memory.limit" && r.Memory?.Limit is <= 0 || field == "cpu.quota" && r.Cpu?.Quota is <= 0,
                field, "must be a positive number");
        if (r.Memory is { } m)
        {
            Add(m.Limit is 0 or < -1 && !request.Flags.ContainsKey("memory.limit"), "memory.limit", "must be a positive number of bytes, or -1 for no limit");
            Add(m.Reservation is 0 or < -1, "memory.reservation", "must be a positive number of bytes, or -1 for no limit");
            Add(m.Swap is 0 or < -1, "memory.swap", "must be a positive number of bytes (memory plus swap), or -1 for no limit");
            Add(m.Swap > 0 && m.Limit is null or -1, "memory.swap",
                $"a swap limit needs a memory limit ({request.Path("memory.limit")})");
            Add(m.Swap > 0 && m.Limit > 0 && m.Swap < m.Limit, "memory.swap",
                $"is memory plus swap, so it must be at least the memory limit ({request.Path("memory.limit")} {m.Limit})");
            Add(m.Swappiness > 100, "memory.swappiness", "must be between 0 and 100");
            Add(m.Kernel is not null, "memory.kernel", "kernel memory limits are deprecated by the runtime spec and not supported");
            Add(m.KernelTCP is not null, "memory.kernelTCP", "kernel memory limits are deprecated by the runtime spec and not supported");
        }
        if (r.Cpu is { } c)
        {
            Add(c.Shares is < 2 or > 262144, "cpu.shares", "must be between 2 and 262144");
            Add((c.Quota is 0 or < -1 && !request.Flags.ContainsKey("cpu.quota")) || c.Quota is > 0 and < 1000, "cpu.quota",
                "must be at least 1000 µs of CPU time per period, or -1 for no limit");
            Add(c.Period is < 1000 or > 1_000_000, "cpu.period", "must be between 1000 and 1000000 µs");
            Add(c.Burst is not null && c.Quota is null or -1, "cpu.burst", $"a burst needs a quota ({request.Path("cpu.quota")})");
            Add(c.RealtimeRuntime is < -1, "cpu.realtimeRuntime", "must be 0 or more µs, or -1 for no limit");
            Add(c.RealtimePeriod is 0, "cpu.realtimePeriod", "must be a positive number of µs");
            Add(c.Cpus is { } cpus && !CpuList().IsMatch(cpus), "cpu.cpus", "must be a CPU list such as 0-3,5");
            Add(c.Mems is { } mems && !CpuList().IsMatch(mems), "cpu.mems", "must be a memory node list such as 0-1");
            Add(c.Idle is not (null or 0 or 1), "cpu.idle", "must be 0 or 1");
        }
        if (r.Pids is { Limit: { } pids })
            Add(request.Flags.ContainsKey("pids.limit") ? pids <= 0 : pids < -1, "pids.limit",
                request.Flags.ContainsKey("pids.limit") ? "must be a positive number of tasks" : "must be a positive number of tasks, or 0/-1 for no limit");
        if (r.BlockIO is { } b)
        {
            Add(b.Weight is < 10 or > 1000, "blockIO.weight", "must be between 10 and 1000");
            Add(b.LeafWeight is < 10 or > 1000, "blockIO.leafWeight", "must be between 10 and 1000");
            foreach (var (d, i) in (b.WeightDevice ?? []).Select((d, i) => (d, i)))
            {
                Add(d.Major is null or < 0 || d.Minor is null or < 0, $"blockIO.weightDevice[{i}]", "needs major and minor");
                Add(d.Weight is < 10 or > 1000, $"blockIO.weightDevice[{i}].weight", "must be between 10 and 1000");
            }
            foreach (var (name, list) in Throttles(b))
                foreach (var (d, i) in list.Select((d, i) => (d, i)))
                    Add(d.Major is null or < 0 || d.Minor is null or < 0 || d.Rate is null, $"blockIO.{name}[{i}]", "needs major, minor and rate");
        }
        foreach (var (h, i) in (r.HugepageLimits ?? []).Select((h, i) => (h, i)))
        {
            Add(h.PageSize is null || !PageSize().IsMatch(h.PageSize), $"hugepageLimits[{i}].pageSize", "must be a size such as 2MB or 1GB");
            Add(h.Limit is null, $"hugepageLimits[{i}].limit", "is required");
        }
        foreach (var key in (r.Unified ?? new Dictionary<string, string>()).Keys)
            Add(!UnifiedKey().IsMatch(key) || key is "cgroup.procs" or "cgroup.threads" or "cgroup.subtree_control",
                $"unified.{key}", "must name a control file of the container's cgroup, e.g. memory.high (no paths, not cgroup.procs or cgroup.subtree_control)");
        foreach (var (d, i) in (r.Devices ?? []).Select((d, i) => (d, i)))
        {
            Add(d.Allow is null, $"devices[{i}].allow", "is required");
            Add(d.Type is not (null or "a" or "b" or "c"), $"devices[{i}].type", "must be a, b or c");
            Add(d.Access is { } a && (a.Length == 0 || a.Any(ch => ch is not ('r' or 'w' or 'm'))), $"devices[{i}].access", "must be letters of rwm");
            Add(d.Major < -1 || d.Minor < -1, $"devices[{i}]", "major and minor must be numbers, or -1/absent for any");
        }
        return errors;
    }

    public static Seq<(string Name, IReadOnlyList<Spec.ThrottleDeviceSpec> List)> Throttles(Spec.BlockIOSpec b) => Seq(
        ("throttleReadBpsDevice", b.ThrottleReadBpsDevice ?? []),
        ("throttleWriteBpsDevice", b.ThrottleWriteBpsDevice ?? []),
        ("throttleReadIOPSDevice", b.ThrottleReadIOPSDevice ?? []),
        ("throttleWriteIOPSDevice", b.ThrottleWriteIOPSDevice ?? []));

    [GeneratedRegex(@"^\d+(-\d+)?(,\d+(-\d+)?)*$")]
    private static partial Regex CpuList();

    [GeneratedRegex(@"^\d+(KB|MB|GB|TB)$")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\.[a-z0-9_.]+$")]
    private static partial Regex UnifiedKey();
}
