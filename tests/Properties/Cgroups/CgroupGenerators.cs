using FsCheck;
using FsCheck.Fluent;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Properties.Cgroups;

/// <summary>A host, a config and a command line: what the cgroup planner is given.</summary>
public sealed record CgroupCase(CgroupFacts Facts, RuntimeSpec Spec, RunOptions Options)
{
    public Validation<PlanError, CgroupPlan> Plan() => CgroupPlanner.Plan(Spec, Options, new HostFacts(0, "/b", true, Facts));

    public CgroupPlan Valid() => Plan().Match(p => p, e => throw new InvalidOperationException(string.Join("; ", e)));

    public override string ToString() => $"{Facts.Mode} own={Facts.Hierarchies.Head.OwnPath} path={Spec.Linux?.CgroupsPath ?? "-"} "
        + $"mem={Options.MemoryBytes} cpu={Options.CpuQuota} pids={Options.Pids}";
}

public static class CgroupGenerators
{
    public static readonly Seq<string> V1Controllers = Seq("memory", "cpu", "cpuacct", "cpuset", "pids", "blkio", "devices", "freezer", "hugetlb");

    /// <summary>The files a v1 cgroup of these controllers has on a typical host (this machine's).</summary>
    public static Seq<string> V1Files(string controller) => controller switch
    {
        "memory" => Seq("memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.soft_limit_in_bytes", "memory.swappiness", "memory.oom_control", "memory.use_hierarchy"),
        "cpu" => Seq("cpu.shares", "cpu.cfs_period_us", "cpu.cfs_quota_us", "cpu.cfs_burst_us", "cpu.rt_period_us", "cpu.rt_runtime_us", "cpu.idle"),
        "pids" => Seq("pids.max", "pids.current"),
        "blkio" => Seq("blkio.weight", "blkio.weight_device", "blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device", "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device"),
        "devices" => Seq("devices.allow", "devices.deny", "devices.list"),
        "hugetlb" => Seq("hugetlb.2MB.limit_in_bytes", "hugetlb.1GB.limit_in_bytes"),
        "cpuset" => Seq("cpuset.cpus", "cpuset.mems"),
        _ => Seq<string>(),
    };

    public static readonly Seq<string> V2Files = Seq("cgroup.procs", "cgroup.freeze", "cgroup.kill", "memory.max", "memory.low", "memory.high",
        "memory.swap.max", "cpu.weight", "cpu.max", "cpu.max.burst", "cpu.idle", "pids.max", "io.weight", "io.max", "hugetlb.2MB.max", "cpuset.cpus", "cpuset.mems");

    private static readonly Gen<string> OwnPath = Gen.Elements("/", "/user.slice/session-1.scope", "/process_api/32d4f1bf", "/gomini");

    public static CgroupHierarchy V1(string controller, string own) =>
        new(controller == "name=systemd" ? "/sys/fs/cgroup/systemd" : $"/sys/fs/cgroup/{controller}", Seq1(controller), own, false)
        {
            Files = controller == "name=systemd" ? Seq<string>() : Seq1("cgroup.procs") + V1Files(controller),
            OwnValues = controller == "cpuset" ? HashMap(("cpuset.cpus", "0-1"), ("cpuset.mems", "0")) : HashMap<string, string>(),
        };

    public static CgroupHierarchy V2(string mountpoint, string own, Seq<string> enabled) =>
        new(mountpoint, enabled, own, true) { Files = V2Files };

    public static readonly Gen<CgroupFacts> Facts = Gen.OneOf(
        from own in OwnPath select new CgroupFacts(CgroupMode.Unified, Seq1(V2("/sys/fs/cgroup", own, Seq("cpuset", "cpu", "io", "memory", "hugetlb", "pids")))),
        from own in OwnPath from v1Own in OwnPath
        select new CgroupFacts(CgroupMode.Hybrid, V1Controllers.Map(c => V1(c, v1Own)).Add(V1("name=systemd", "/"))
            .Add(V2("/sys/fs/cgroup/unified", own, Seq<string>()))),
        from own in OwnPath select new CgroupFacts(CgroupMode.Legacy, V1Controllers.Map(c => V1(c, own)).Add(V1("name=systemd", "/"))));

    public static readonly Gen<string?> CgroupsPath = Gen.Elements<string?>(null, "", "ctr", "pod/ctr", "a/b/c", "/gomini/ctr", "/ctr", "//x//y/",
        "/libpod_parent/libpod-0123abcd", "/default/ctr", "/process_api/32d4f1bf/ctr");

    /// <summary>Resources every host here can apply (v1 and v2 alike): memory, cpu quota and shares, pids, blkio weight.</summary>
    public static readonly Gen<ResourcesSpec?> PortableResources =
        from limit in Gen.Elements<long?>(null, -1, 32L << 20, 1L << 30)
        from extraSwap in Gen.Elements<long?>(null, 0, 16L << 20)
        from shares in Gen.Elements<ulong?>(null, 2, 512, 1024, 262144)
        from quota in Gen.Elements<long?>(null, -1, 1000, 50_000)
        from period in Gen.Elements<ulong?>(null, 100_000, 250_000)
        from pids in Gen.Elements<long?>(null, -1, 0, 20, 4096)
        from weight in Gen.Elements<ushort?>(null, 10, 500, 1000)
        from none in Gen.Elements(true, false, false)
        select none ? null : new ResourcesSpec
        {
            Memory = new MemorySpec { Limit = limit, Swap = limit > 0 && extraSwap is { } e ? limit + e : null },
            Cpu = new CpuSpec { Shares = shares, Quota = quota, Period = period },
            Pids = pids is null ? null : new PidsSpec { Limit = pids },
            BlockIO = weight is null ? null : new BlockIOSpec { Weight = weight },
        };

    public static readonly Gen<RunOptions> Flags =
        from id in Gen.Elements("c1", "web", "gomini")
        from mem in Gen.Elements<long?>(null, 32L << 20, 64L << 20)
        from cpu in Gen.Elements<long?>(null, 10_000, 150_000)
        from pids in Gen.Elements<long?>(null, 20, 50)
        select new RunOptions
        {
            ContainerId = id,
            MemoryBytes = mem is { } m ? Some(m) : None,
            CpuQuota = cpu is { } c ? Some(c) : None,
            Pids = pids is { } p ? Some(p) : None,
        };

    public static readonly Gen<CgroupCase> Case =
        from facts in Facts
        from path in CgroupsPath
        from resources in PortableResources
        from options in Flags
        // a config swap (memory+swap) below the --mem limit is an error of its own (a property below)
        where !(resources?.Memory?.Swap is { } swap && options.MemoryBytes.Exists(m => swap < m))
        select new CgroupCase(facts, new RuntimeSpec { Linux = new LinuxSpec { CgroupsPath = path, Resources = resources } }, options);

    public static Gen<CgroupCase> InMode(CgroupMode mode) => Case.Where(c => c.Facts.Mode == mode);

    /// <summary>Every directory the plan may create: the leaves (always created) and their parents (created if missing).</summary>
    public static Seq<string> Created(CgroupPlan plan) => plan.Setup.Choose(s => s switch
    {
        CreateCgroup c => Some(c.Path),
        EnsureCgroup e => Some(e.Path),
        _ => Option<string>.None,
    });

    public static Seq<string> Leaves(CgroupPlan plan) => plan.Setup.Choose(s => s is CreateCgroup c ? Some(c.Path) : None);

    public static Seq<EnsureCgroup> Parents(CgroupPlan plan) => plan.Setup.Choose(s => s is EnsureCgroup e ? Some(e) : None);

    /// <summary>gomini's own cgroup directory in <paramref name="h"/>.</summary>
    public static string OwnDir(CgroupHierarchy h) => $"{h.Mountpoint}{(h.OwnPath == "/" ? "" : h.OwnPath)}";

    public static Seq<WriteCgroupFile> Writes(CgroupPlan plan) => plan.Setup.Choose(s => s is WriteCgroupFile w ? Some(w) : None);
}
