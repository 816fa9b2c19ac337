using GoMini.Domain.Host;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Seccomp;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// Plans capabilities, no_new_privs, rlimits, masked/readonly paths, sysctls and seccomp,
/// and checks linux.devices. runc's order, as data:
/// <list type="bullet">
/// <item>AfterPivot: sysctls (while /proc/sys is still writable), readonly paths, then masked paths.</item>
/// <item>BeforeUserChange (still root): rlimits, oom score, personality, no_new_privs, keep-caps, bounding drop.</item>
/// <item>AfterUserChange: capset, then ambient raise.</item>
/// <item>LastBeforeExec: the seccomp filter, as late as possible so that it need allow the fewest syscalls.</item>
/// </list>
/// Seccomp's one exception: the kernel loads a filter only with no_new_privs set or with
/// CAP_SYS_ADMIN in the effective set. When the config sets no no_new_privs and its effective
/// set lacks CAP_SYS_ADMIN, the filter could not load after capset, so it is loaded as the last
/// step before the user change instead, while the init child is still root (runc does the same).
/// </summary>
public static class SecurityPlanner
{
    public delegate Validation<PlanError, LoadSeccompFilter> SeccompCompile(SeccompSpec profile, string path);

    public static Validation<PlanError, SecurityPlan> Plan(RuntimeSpec spec, HostFacts facts) =>
        Plan(spec, facts, None);

    /// <param name="hostBounding">gomini's own bounding set (CapBnd of /proc/self/status), when known:
    /// a capability the config asks for outside it is an error (e.g. CAP_SYS_RESOURCE on a host whose root lacks it).</param>
    public static Validation<PlanError, SecurityPlan> Plan(RuntimeSpec spec, HostFacts facts, Option<Seq<string>> hostBounding) =>
        Plan(spec, facts, hostBounding, SeccompCompiler.Compile);

    public static Validation<PlanError, SecurityPlan> Plan(
        RuntimeSpec spec, HostFacts facts, Option<Seq<string>> hostBounding, SeccompCompile compileSeccomp)
    {
        var namespaces = toSet((spec.Linux?.Namespaces ?? []).Choose(ns => KindOf(ns.Type)));
        var afterPivot = Accumulate.Steps(
            SysctlRules.Plan(spec.Linux?.Sysctl, namespaces),
            PathProtectionPlanner.Readonly(spec.Linux?.ReadonlyPaths),
            PathProtectionPlanner.Masked(spec.Linux?.MaskedPaths));
        var limits = ProcessLimitsPlanner.Plan(spec);
        var caps = CapabilityPlanner.Check(spec.Process?.Capabilities, hostBounding);
        var seccomp = spec.Linux?.Seccomp is { } profile
            ? compileSeccomp(profile, "linux.seccomp").Map(Some)
            : Success<PlanError, Option<LoadSeccompFilter>>(None);
        var devices = DeviceValidator.Validate(spec);

        // Every error of every part, gathered without LanguageExt's Seq concatenation (see Accumulate).
        var errors = new[]
        {
            afterPivot.Map(_ => unit), limits.Map(_ => unit), caps.Map(_ => unit), seccomp.Map(_ => unit), devices,
        };
        return Accumulate.All(errors).Map(_ => Assemble(spec, Value(afterPivot), Value(limits), Value(caps), Value(seccomp)));
    }

    private static SecurityPlan Assemble(RuntimeSpec spec, Seq<Step> pivot, Seq<Step> limit, CapabilitySets sets, Option<LoadSeccompFilter> filter)
    {
        var uid = spec.Process?.User?.Uid ?? 0;
        var beforeUser = limit.Then(CapabilityPlanner.BeforeUserChange(sets, uid));
        var afterUser = CapabilityPlanner.AfterUserChange(sets);
        return filter.Match(
            None: () => new SecurityPlan(pivot, beforeUser, afterUser, Seq<Step>()),
            Some: program => LoadsLate(spec, sets)
                ? new SecurityPlan(pivot, beforeUser, afterUser,
                    Seq1<Step>(program with { Reason = $"{program.Reason}; loaded last, just before execve" }))
                : new SecurityPlan(pivot,
                    beforeUser.Add(program with
                    {
                        Reason = $"{program.Reason}; loaded before the user change: without process.noNewPrivileges " +
                                 "the kernel needs CAP_SYS_ADMIN, which process.capabilities.effective does not keep",
                    }),
                    afterUser, Seq<Step>()));
    }

    // Only called once every part is known to have succeeded.
    private static T Value<T>(Validation<PlanError, T> part) =>
        part.Match(value => value, _ => throw new InvalidOperationException("a failed part reached the assembly"));

    /// <summary>Whether the filter can load after capset: no_new_privs is set, or CAP_SYS_ADMIN stays effective.</summary>
    public static bool LoadsLate(RuntimeSpec spec, CapabilitySets caps) =>
        spec.Process?.NoNewPrivileges == true || caps.Effective.Contains("CAP_SYS_ADMIN");

    private static Option<NamespaceKind> KindOf(string? type) =>
        type switch
        {
            "pid" => NamespaceKind.Pid,
            "network" => NamespaceKind.Network,
            "mount" => NamespaceKind.Mount,
            "ipc" => NamespaceKind.Ipc,
            "uts" => NamespaceKind.Uts,
            "user" => NamespaceKind.User,
            "cgroup" => NamespaceKind.Cgroup,
            "time" => NamespaceKind.Time,
            _ => None,
        };
}
