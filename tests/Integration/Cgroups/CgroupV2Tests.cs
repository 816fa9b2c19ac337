using GoMini.Domain.Host;
using GoMini.Domain.Spec;
using GoMini.Effects.Cgroups;
using LanguageExt;
using Xunit;
using static LanguageExt.Prelude;

namespace GoMini.Integration.Cgroups;

/// <summary>
/// cgroup v2 for real where this machine has it: /sys/fs/cgroup/unified (no resource
/// controllers), and the v2 value writes against a directory shaped like a cgroup2 hierarchy.
/// </summary>
public sealed class CgroupV2Tests
{
    [Fact]
    public void A_v2_cgroup_is_created_joined_frozen_thawed_killed_and_removed()
    {
        var own = File.ReadAllLines("/proc/self/cgroup").Single(l => l.StartsWith("0::"))[3..];
        var dir = $"/sys/fs/cgroup/unified{own.TrimEnd('/')}/gomini-test-{Guid.NewGuid():N}"[..^24];
        CgroupEffects.Create(dir);
        using var sleep = System.Diagnostics.Process.Start("sleep", "30");
        try
        {
            CgroupEffects.Join(dir, sleep.Id);
            Assert.Equal([sleep.Id], CgroupEffects.Pids(dir));
            CgroupEffects.Freeze(dir);
            Assert.Equal(1, CgroupEffects.Counter(Path.Combine(dir, "cgroup.events"), "frozen"));
            CgroupEffects.Thaw(dir);
            Assert.Equal(0, CgroupEffects.Counter(Path.Combine(dir, "cgroup.events"), "frozen"));
            CgroupEffects.Freeze(dir);
            CgroupEffects.Remove(dir);   // kills the frozen sleep (cgroup.kill) and removes the directory
            Assert.True(sleep.WaitForExit(5000));
            Assert.False(Directory.Exists(dir));
        }
        finally
        {
            if (!sleep.HasExited) sleep.Kill();
            CgroupEffects.Remove(dir);
        }
    }

    [Fact]
    public void The_v2_values_land_in_a_cgroup2_shaped_tree_with_controllers_enabled_only_where_gomini_created()
    {
        var root = Directory.CreateTempSubdirectory("gomini-cg2-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "user.slice"));
            var facts = new CgroupFacts(CgroupMode.Unified, Seq1(
                new CgroupHierarchy(root, Seq("cpu", "memory", "pids", "io"), "/user.slice", true)));
            var spec = new RuntimeSpec
            {
                Linux = new LinuxSpec
                {
                    CgroupsPath = "pod/ctr",
                    Resources = new ResourcesSpec
                    {
                        Memory = new MemorySpec { Limit = 32L << 20, Swap = 48L << 20 },
                        Cpu = new CpuSpec { Shares = 1024 },
                        Unified = new Dictionary<string, string> { ["memory.high"] = "30000000" },
                    },
                },
            };
            var h = new CgroupHarness(CgroupHarness.Options() with { CpuQuota = Some(10_000L), Pids = Some(20L) }, facts, spec);
            // (no Dispose: rmdir only works on a real cgroupfs; the temporary tree is deleted below)
            // mkdir runs for real; the kernel's files are then put in place as cgroup2 would make them
            // (a parent's writes are those of CgroupEffects.Ensure when it makes the directory: not recorded in the
            // host's ledger here, the tree is temporary)
            foreach (var dir in h.Created)
            {
                CgroupEffects.Create(dir);
                foreach (var f in new[] { "cgroup.procs", "cgroup.subtree_control", "memory.max", "memory.swap.max", "memory.high", "cpu.weight", "cpu.max", "pids.max" })
                    File.WriteAllText(Path.Combine(dir, f), "");
                foreach (var ensure in h.Plan.Setup.OfType<GoMini.Domain.Plan.EnsureCgroup>().Where(e => e.Path == dir))
                    foreach (var write in ensure.WhenCreated)
                        CgroupEffects.Write(Path.Combine(dir, write[..write.IndexOf('=')]), write[(write.IndexOf('=') + 1)..]);
            }
            foreach (var w in h.Plan.Setup.OfType<GoMini.Domain.Plan.WriteCgroupFile>()) CgroupEffects.Write(w.Path, w.Value);

            string Read(string rel) => File.ReadAllText(Path.Combine(root, "user.slice", rel));
            Assert.Equal("33554432", Read("pod/ctr/memory.max"));
            Assert.Equal("16777216", Read("pod/ctr/memory.swap.max"));
            Assert.Equal("39", Read("pod/ctr/cpu.weight"));
            Assert.Equal("10000 100000", Read("pod/ctr/cpu.max"));
            Assert.Equal("20", Read("pod/ctr/pids.max"));
            Assert.Equal("30000000", Read("pod/ctr/memory.high"));
            Assert.Equal("+memory +cpu +pids", Read("pod/cgroup.subtree_control"));
            Assert.False(File.Exists(Path.Combine(root, "user.slice", "cgroup.subtree_control")), "gomini's own cgroup is never written");
        }
        finally { Directory.Delete(root, true); }
    }
}
