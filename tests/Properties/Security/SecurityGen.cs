using FsCheck;
using FsCheck.Fluent;
using GoMini.Domain.Host;
using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Properties.Security;

/// <summary>Random configs for the security planner, and the helpers its properties share.</summary>
public static class SecurityGen
{
    public static readonly HostFacts Facts = new(0, "/bundle", true, CgroupFacts.NoCgroups);

    public static readonly string[] AllCaps = Capabilities.All.ToArray();

    public static Gen<string[]> CapSubset => Gen.SubListOf(AllCaps).Select(l => l.ToArray());

    /// <summary>Capability sets the kernel accepts: effective ⊆ permitted, inheritable ⊆ bounding, ambient ⊆ permitted ∩ inheritable.</summary>
    public static Gen<CapabilitiesSpec> ValidCaps =>
        from bounding in CapSubset
        from permitted in CapSubset
        from effective in Gen.SubListOf(permitted)
        from inheritable in Gen.SubListOf(bounding)
        from ambient in Gen.SubListOf(permitted.Intersect(inheritable).ToArray())
        select new CapabilitiesSpec
        {
            Bounding = bounding, Permitted = permitted, Effective = effective.ToArray(),
            Inheritable = inheritable.ToArray(), Ambient = ambient.ToArray(),
        };

    /// <summary>A valid config with random capabilities, user, no_new_privs, rlimits, paths and maybe a seccomp profile.</summary>
    public static Gen<RuntimeSpec> ValidSpec =>
        from caps in Gen.OneOf(ValidCaps.Select(c => (CapabilitiesSpec?)c), Gen.Constant<CapabilitiesSpec?>(null))
        from uid in Gen.Elements(0u, 1000u)
        from nnp in Gen.Elements<bool?>(true, false, null)
        from rlimits in Gen.Shuffle(Rlimits.Names.ToArray()).SelectMany(names => Gen.Choose(0, 4).Select(n => names.Take(n).ToArray()))
        from oom in Gen.Elements<int?>(null, -1000, 0, 500, 1000)
        from seccomp in Gen.Elements(true, false)
        from masked in Gen.SubListOf(new[] { "/proc/kcore", "/proc/keys", "/sys/firmware" })
        from ro in Gen.SubListOf(new[] { "/proc/sys", "/proc/bus", "/proc/irq" })
        from sysctl in Gen.SubListOf(new[] { "net.ipv4.ip_forward", "kernel.shmmax", "kernel.hostname" })
        select new RuntimeSpec
        {
            Process = new ProcessSpec
            {
                Args = ["/bin/sh"],
                User = new UserSpec { Uid = uid, Gid = uid },
                Capabilities = caps,
                NoNewPrivileges = nnp,
                OomScoreAdj = oom,
                Rlimits = rlimits.Select(r => new RlimitSpec { Type = r, Soft = 64, Hard = 128 }).ToArray(),
            },
            Linux = new LinuxSpec
            {
                Namespaces = [new() { Type = "pid" }, new() { Type = "network" }, new() { Type = "ipc" }, new() { Type = "uts" }, new() { Type = "mount" }],
                MaskedPaths = masked.ToArray(),
                ReadonlyPaths = ro.ToArray(),
                Sysctl = sysctl.ToDictionary(k => k, _ => "1"),
                Seccomp = seccomp ? new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW" } : null,
            },
        };

    /// <summary>A stand-in for the seccomp compiler (another helper's work), so placement can be tested on its own.</summary>
    public static Validation<PlanError, LoadSeccompFilter> FakeCompile(SeccompSpec profile, string path) =>
        new LoadSeccompFilter("BgAAAAAA/38=", 1, 0, 0, path);

    public static Validation<PlanError, SecurityPlan> Plan(RuntimeSpec spec) =>
        SecurityPlanner.Plan(spec, Facts, Prelude.None, FakeCompile);

    public static SecurityPlan Ok(RuntimeSpec spec) =>
        Plan(spec).Match(p => p, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    public static Seq<PlanError> Errors(RuntimeSpec spec) =>
        Plan(spec).Match(_ => Seq<PlanError>.Empty, errors => errors);

    public static RuntimeSpec WithCaps(CapabilitiesSpec caps) =>
        new() { Process = new ProcessSpec { Args = ["/bin/sh"], Capabilities = caps } };
}
