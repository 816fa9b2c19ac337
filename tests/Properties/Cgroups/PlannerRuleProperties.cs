using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static GoMini.Properties.Cgroups.CgroupGenerators;
using static LanguageExt.Prelude;

namespace GoMini.Properties.Cgroups;

/// <summary>The cgroup planner's rules: where cgroups go, what is written where, what is refused.</summary>
public sealed class PlannerRuleProperties
{
    private static bool Inside(string path, string dir) => path.StartsWith(dir + "/");

    [Property(MaxTest = 100)]
    public Property Every_write_goes_into_a_directory_the_plan_creates() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var created = Created(plan);
            return Writes(plan).ForAll(w => created.Exists(d => Path.GetDirectoryName(w.Path) == d))
                && plan.Join.ForAll(j => created.Contains(((JoinCgroup)j).Path));
        });

    [Property(MaxTest = 100)]
    public Property Every_directory_is_created_after_its_parent_and_before_anything_is_written_into_it() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var setup = c.Valid().Setup.ToList();
            int Made(string dir) => setup.FindIndex(s => s is CreateCgroup cc && cc.Path == dir || s is EnsureCgroup e && e.Path == dir);
            return setup.Select((s, i) => (s, i)).All(x => x.s switch
            {
                CreateCgroup cc => Made(Path.GetDirectoryName(cc.Path)!) < x.i,   // -1 when the parent is gomini's own cgroup
                EnsureCgroup e => Made(Path.GetDirectoryName(e.Path)!) < x.i,
                WriteCgroupFile w => Made(Path.GetDirectoryName(w.Path)!) is var m && m >= 0 && m < x.i,
                _ => false,
            });
        });

    [Property(MaxTest = 100)]
    public Property Cleanup_removes_the_leaves_first_then_releases_the_parents_deepest_first() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var cleanup = plan.Cleanup.ToList();
            var removed = cleanup.OfType<RemoveCgroup>().Select(r => r.Path).ToList();
            var released = cleanup.OfType<ReleaseCgroup>().Select(r => r.Path).ToList();
            var leavesFirst = cleanup.FindLastIndex(s => s is RemoveCgroup) < Math.Max(0, cleanup.FindIndex(s => s is ReleaseCgroup))
                || released.Count == 0;
            var noChildAfterParent = released.Select((d, i) => released.Skip(i + 1).All(later => !Inside(later, d))).All(x => x);
            return removed.Order().SequenceEqual(Leaves(plan).Order())
                && released.Order().SequenceEqual(Parents(plan).Map(p => p.Path).Order())
                && cleanup.Count == removed.Count + released.Count && leavesFirst && noChildAfterParent;
        });

    [Property(MaxTest = 100)]
    public Property Only_the_leaf_is_created_unconditionally_every_parent_only_if_missing() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var joined = plan.Join.Map(j => ((JoinCgroup)j).Path).ToHashSet();
            var depth = (c.Spec.Linux?.CgroupsPath is { Length: > 0 } p ? p : c.Options.ContainerId)
                .Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
            return Leaves(plan).ToHashSet().SetEquals(joined)
                && Parents(plan).ForAll(e => !joined.Contains(e.Path) && joined.Exists(l => Inside(l, e.Path)))
                // each hierarchy: one leaf and at most depth-1 parents (fewer when an absolute path is already below gomini's own)
                && Parents(plan).Count <= joined.Count * (depth - 1);
        });

    [Property(MaxTest = 100)]
    public Property Nothing_is_written_into_a_parent_that_may_exist_already_except_when_gomini_creates_it() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var leaves = Leaves(plan);
            return Writes(plan).ForAll(w => leaves.Contains(Path.GetDirectoryName(w.Path)!))
                && Parents(plan).ForAll(e => e.WhenCreated.ForAll(x => x.Contains('=') && !x.Contains('/')));
        });

    [Property(MaxTest = 100)]
    public Property Containers_below_one_parent_share_its_ensure_step_and_get_leaves_of_their_own() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.Elements("parent", "/parent", "a/b").ToArbitrary(), (facts, parent) =>
        {
            CgroupPlan For(string leaf) => new CgroupCase(facts, new RuntimeSpec { Linux = new LinuxSpec { CgroupsPath = $"{parent}/{leaf}" } },
                new RunOptions { ContainerId = leaf }).Valid();
            var a = For("a");
            var b = For("b");
            return Parents(a).Map(e => e.Path).SequenceEqual(Parents(b).Map(e => e.Path)) && !Parents(a).IsEmpty
                && Leaves(a).ForAll(l => !Leaves(b).Contains(l));
        });

    [Property(MaxTest = 100)]
    public Property A_relative_or_missing_path_is_created_below_gomini_s_own_cgroup_with_the_id_as_default_leaf() =>
        Prop.ForAll(Case.Where(c => c.Spec.Linux?.CgroupsPath is not { } p || !p.StartsWith('/')).ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var rel = string.IsNullOrEmpty(c.Spec.Linux?.CgroupsPath) ? c.Options.ContainerId : string.Join('/', c.Spec.Linux!.CgroupsPath!.Split('/', StringSplitOptions.RemoveEmptyEntries));
            return plan.Join.Map(j => ((JoinCgroup)j).Path).ForAll(leaf =>
                c.Facts.Hierarchies.Exists(h => leaf == $"{h.Mountpoint}{(h.OwnPath == "/" ? "" : h.OwnPath)}/{rel}"))
                && Created(plan).ForAll(d => c.Facts.Hierarchies.Exists(h => Inside(d, $"{h.Mountpoint}{(h.OwnPath == "/" ? "" : h.OwnPath)}")));
        });

    [Property(MaxTest = 100)]
    public Property An_absolute_path_is_placed_below_gomini_s_own_cgroup_never_elsewhere() =>
        Prop.ForAll(Case.Where(c => c.Spec.Linux?.CgroupsPath is { } p && p.StartsWith('/')).ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var parts = c.Spec.Linux!.CgroupsPath!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var leaves = plan.Join.Map(j => ((JoinCgroup)j).Path);
            return leaves.ForAll(l => c.Facts.Hierarchies.Exists(h =>
                       l == $"{OwnDir(h)}/{string.Join('/', parts)}"
                       // already naming a cgroup below gomini's own: taken as it is, not nested twice
                       || h.OwnPath != "/" && ("/" + string.Join('/', parts)).StartsWith(h.OwnPath + "/") && l == $"{h.Mountpoint}/{string.Join('/', parts)}"))
                && Created(plan).ForAll(d => c.Facts.Hierarchies.Exists(h => Inside(d, OwnDir(h))));
        });

    [Property(MaxTest = 100)]
    public Property On_v1_every_controller_hierarchy_gets_the_container_but_name_systemd_does_not() =>
        Prop.ForAll(Case.Where(c => c.Facts.Mode != CgroupMode.Unified).ToArbitrary(), c =>
        {
            var leaves = c.Valid().Join.Map(j => ((JoinCgroup)j).Path);
            return V1Controllers.ForAll(ctl => leaves.Exists(l => l.StartsWith($"/sys/fs/cgroup/{ctl}/")))
                && !leaves.Exists(l => l.StartsWith("/sys/fs/cgroup/systemd/"));
        });

    [Property(MaxTest = 100)]
    public Property On_hybrid_hosts_the_container_also_joins_the_cgroup2_tree_which_gets_no_limits() =>
        Prop.ForAll(InMode(CgroupMode.Hybrid).ToArbitrary(), c =>
        {
            var plan = c.Valid();
            return plan.Join.Exists(j => ((JoinCgroup)j).Path.StartsWith("/sys/fs/cgroup/unified/"))
                && !Writes(plan).Exists(w => w.Path.StartsWith("/sys/fs/cgroup/unified/"));
        });

    [Property(MaxTest = 100)]
    public Property On_v2_controllers_are_enabled_only_in_parents_gomini_creates() =>
        Prop.ForAll(InMode(CgroupMode.Unified).ToArbitrary(), c =>
        {
            var plan = c.Valid();
            var needsControllers = Writes(plan).Exists(w => !Path.GetFileName(w.Path).StartsWith("cgroup."));
            return !Writes(plan).Exists(w => w.Path.EndsWith("/cgroup.subtree_control"))
                && Parents(plan).ForAll(e => e.WhenCreated.Exists(x => x.StartsWith("cgroup.subtree_control=+")) == needsControllers);
        });

    [Property(MaxTest = 100)]
    public Property On_v2_a_controller_gomini_s_cgroup_does_not_delegate_is_an_error_naming_the_field() =>
        Prop.ForAll(Gen.Choose(1, 1 << 20).ToArbitrary(), mb =>
        {
            var host = new CgroupFacts(CgroupMode.Unified, Seq1(V2("/sys/fs/cgroup", "/user.slice", Seq("cpu", "pids"))));
            var errors = new CgroupCase(host, new RuntimeSpec(), new RunOptions { MemoryBytes = Some((long)mb << 12) }).Plan().FailToSeq();
            return errors.Exists(e => e.Path == "--mem" && e.Message.Contains("memory controller"));
        });

    [Property(MaxTest = 100)]
    public Property The_flags_beat_the_config() =>
        Prop.ForAll(Case.Where(c => c.Options.MemoryBytes.IsSome || c.Options.Pids.IsSome).ToArbitrary(), c =>
        {
            var writes = Writes(c.Valid());
            bool Has(string file, string value, string flag) => writes.Exists(w => w.Path.EndsWith("/" + file) && w.Value == value && w.Reason.StartsWith(flag));
            var v2 = c.Facts.Mode == CgroupMode.Unified;
            return c.Options.MemoryBytes.ForAll(m => Has(v2 ? "memory.max" : "memory.limit_in_bytes", m.ToString(), "--mem"))
                && c.Options.Pids.ForAll(p => Has("pids.max", p.ToString(), "--pids"));
        });

    private static readonly Gen<(string Field, ResourcesSpec Resources)> BadResources = Gen.OneOf(
        from v in Gen.Choose(-100000, 0).Where(v => v != -1) select ("linux.resources.memory.limit", new ResourcesSpec { Memory = new MemorySpec { Limit = v } }),
        from v in Gen.Choose(-100000, 999).Where(v => v != -1) select ("linux.resources.cpu.quota", new ResourcesSpec { Cpu = new CpuSpec { Quota = v } }),
        from v in Gen.Choose(-100000, -2) select ("linux.resources.pids.limit", new ResourcesSpec { Pids = new PidsSpec { Limit = v } }),
        from v in Gen.Choose(0, 1) select ("linux.resources.cpu.shares", new ResourcesSpec { Cpu = new CpuSpec { Shares = (ulong)v } }),
        from v in Gen.Choose(1, 1 << 20) select ("linux.resources.memory.swap", new ResourcesSpec { Memory = new MemorySpec { Limit = (long)v + 1, Swap = v } }));

    [Property(MaxTest = 100)]
    public Property Zero_negative_or_inconsistent_limits_are_errors_naming_the_field() =>
        Prop.ForAll(Facts.ToArbitrary(), BadResources.ToArbitrary(), (facts, bad) =>
            new CgroupCase(facts, new RuntimeSpec { Linux = new LinuxSpec { Resources = bad.Resources } }, new RunOptions())
                .Plan().FailToSeq().Exists(e => e.Path == bad.Field));

    [Property(MaxTest = 100)]
    public Property A_config_swap_below_the_mem_flag_is_an_error_naming_the_swap_and_the_flag() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.Choose(2, 1 << 20).ToArbitrary(), (facts, pages) =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Memory = new MemorySpec { Limit = 4096, Swap = 4096 * 2 } } } };
            var options = new RunOptions { MemoryBytes = Some((long)pages * 4096 + 4096) };
            return new CgroupCase(facts, spec, options).Plan().FailToSeq()
                .Exists(e => e.Path == "linux.resources.memory.swap" && e.Message.Contains("--mem"));
        });

    [Property(MaxTest = 100)]
    public Property Zero_or_negative_flags_are_errors_naming_the_flag() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.OneOf(Gen.Choose(-1000, 0), Gen.Elements(-1, 0)).ToArbitrary(), Gen.Elements("--mem", "--cpu", "--pids").ToArbitrary(), (facts, v, flag) =>
        {
            var options = flag switch
            {
                "--mem" => new RunOptions { MemoryBytes = Some((long)v) },
                "--cpu" => new RunOptions { CpuQuota = Some((long)v) },
                _ => new RunOptions { Pids = Some((long)v) },
            };
            return new CgroupCase(facts, new RuntimeSpec(), options).Plan().FailToSeq().Exists(e => e.Path == flag);
        });

    [Property(MaxTest = 100)]
    public Property Unified_resources_are_rejected_on_v1_resource_hosts_naming_linux_resources_unified() =>
        Prop.ForAll(Case.Where(c => c.Facts.Mode != CgroupMode.Unified).ToArbitrary(), c =>
        {
            var spec = c.Spec with { Linux = (c.Spec.Linux ?? new LinuxSpec()) with { Resources = new ResourcesSpec { Unified = new Dictionary<string, string> { ["memory.high"] = "1000000" } } } };
            return (c with { Spec = spec }).Plan().FailToSeq().Exists(e => e.Path == "linux.resources.unified");
        });

    [Property(MaxTest = 100)]
    public Property A_value_the_host_cannot_apply_is_an_error_naming_the_field() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (facts, swappiness) =>
        {
            // swappiness exists on v1 only; on a v1 host without swap accounting memsw is missing
            var noMemsw = facts with { Hierarchies = facts.Hierarchies.Map(h => h with { Files = h.Files.Filter(f => f != "memory.memsw.limit_in_bytes") }) };
            var swappy = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Memory = new MemorySpec { Swappiness = (ulong)swappiness } } } };
            var swap = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Memory = new MemorySpec { Limit = 1 << 20, Swap = 2 << 20 } } } };
            var v2 = facts.Mode == CgroupMode.Unified;
            return v2
                ? new CgroupCase(facts, swappy, new RunOptions()).Plan().FailToSeq().Exists(e => e.Path == "linux.resources.memory.swappiness")
                : new CgroupCase(facts, swappy, new RunOptions()).Plan().IsSuccess
                  && new CgroupCase(noMemsw, swap, new RunOptions()).Plan().FailToSeq().Exists(e => e.Path == "linux.resources.memory.swap" && e.Message.Contains("memory.memsw.limit_in_bytes"));
        });

    private static readonly Gen<DeviceRuleSpec> DeviceRule =
        from allow in Gen.Elements(true, false)
        from type in Gen.Elements<string?>(null, "a", "b", "c")
        from major in Gen.Elements<long?>(null, -1, 1, 136)
        from minor in Gen.Elements<long?>(null, 3, 5)
        from access in Gen.Elements<string?>(null, "r", "rw", "rwm", "m")
        select new DeviceRuleSpec { Allow = allow, Type = type, Major = major, Minor = minor, Access = access };

    [Property(MaxTest = 100)]
    public Property On_v1_devices_are_denied_first_then_the_rules_in_order_then_the_defaults() =>
        Prop.ForAll(Generators(DeviceRule), rules =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Devices = rules } } };
            var writes = Writes(new CgroupCase(ConversionProperties.LegacyHost, spec, new RunOptions()).Valid()).Filter(w => w.Path.Contains("/devices."));
            var fromRules = writes.Skip(1).Take(rules.Count).ToList();
            return writes.Head.Path.EndsWith("/devices.deny") && writes.Head.Value == "a"
                && fromRules.Count == rules.Count
                && fromRules.Zip(rules, (w, r) => (w, r)).All(p => p.w.Path.EndsWith(p.r.Allow == true ? "/devices.allow" : "/devices.deny"))
                && writes.Skip(1 + rules.Count).All(w => w.Path.EndsWith("/devices.allow"));
        });

    [Property(MaxTest = 100)]
    public Property On_v2_device_rules_are_not_an_error_but_the_container_s_cgroup_says_they_are_not_enforced() =>
        Prop.ForAll(Generators(DeviceRule), rules =>
        {
            var spec = new RuntimeSpec { Linux = new LinuxSpec { Resources = new ResourcesSpec { Devices = rules } } };
            var plan = new CgroupCase(ConversionProperties.UnifiedHost, spec, new RunOptions()).Valid();
            return plan.Setup.Exists(s => s is CreateCgroup c && c.Reason.Contains("eBPF")) == rules.Count > 0
                && !Writes(plan).Exists(w => w.Path.Contains("devices"));
        });

    private static Arbitrary<List<T>> Generators<T>(Gen<T> gen) =>
        (from n in Gen.Choose(0, 6) from xs in gen.ListOf(n) select xs.ToList()).ToArbitrary();
}
