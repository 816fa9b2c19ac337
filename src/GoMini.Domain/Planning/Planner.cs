using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using GoMini.Domain.Spec;
using GoMini.Domain.Validation;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// The pure heart of GoMini: a bundle's config, the command line and the host's facts in, an
/// immutable plan of steps out — or every error found, each with its path. No I/O happens here.
/// </summary>
public static class Planner
{
    public static Validation<PlanError, ContainerPlan> Plan(RuntimeSpec spec, RunOptions options, HostFacts facts)
    {
        var input = new PlanInput(spec, options, facts);
        var general = SpecValidator.Validate(input);
        var checks = general.IsEmpty ? Success<PlanError, Unit>(unit) : Fail<PlanError, Unit>(general);
        var namespaces = NamespacePlanner.Plan(input);
        // The security rules (e.g. net.* sysctls need a network namespace) judge the namespaces the
        // container really gets, after --net and --hostname, not those the config lists.
        var securitySpec = namespaces.Match(ns => WithNamespaces(spec, ns), _ => spec);
        var all = new Gather();
        all.Take(checks);
        var planned = all.Take(namespaces);
        var cgroups = all.Take(CgroupPlanner.Plan(spec, options, facts));
        var security = all.Take(SecurityPlanner.Plan(securitySpec, facts, facts.BoundingCapabilities));
        return all.Into(() => Assemble(input, planned, cgroups, security));
    }

    /// <summary>Validates and plans in one go from config.json text.</summary>
    public static Validation<PlanError, ContainerPlan> Plan(string configJson, RunOptions options, Func<RuntimeSpec, HostFacts> facts) =>
        SpecReader.Parse(configJson).Bind(spec => Plan(spec, options, facts(spec)));

    private static RuntimeSpec WithNamespaces(RuntimeSpec spec, Seq<ContainerNamespace> namespaces) => spec with
    {
        Linux = (spec.Linux ?? new LinuxSpec()) with
        {
            Namespaces = namespaces.Map(n => new NamespaceSpec { Type = NamespaceNames.SpecName(n.Kind), Path = n.Path.IfNoneUnsafe((string?)null) }).ToList(),
        },
    };

    private static ContainerPlan Assemble(PlanInput input, Seq<ContainerNamespace> namespaces, CgroupPlan cgroups, SecurityPlan security)
    {
        var run = input.Options.Mode == LaunchMode.Run;
        var spawn = new SpawnInit(
            namespaces.Filter(n => n.Path.IsNone && n.Kind != NamespaceKind.Cgroup).Map(n => n.Kind).Strict(),
            namespaces.Bind(n => n.Path.Map(p => new NamespaceJoin(n.Kind, p)).ToSeq()).Strict(),
            "linux.namespaces: the init child starts inside the container's namespaces");
        var host = cgroups.Setup
            .Add(spawn)
            .Then(cgroups.Join)
            .Then(Lifecycle.HookPlanner.BeforeRelease(input.Spec, input.Options.Mode))
            .Add(new ReleaseInit("the init child may now set up the container and exec its process"))
            .Then(Lifecycle.HookPlanner.AfterRelease(input.Spec, input.Options.Mode));
        if (run)
            host = host.Add(new WaitForExit("run: gomini waits for the container and exits with its status"))
                .Then(Lifecycle.HookPlanner.AfterExit(input.Spec, input.Options.Mode))
                .Then(cgroups.Cleanup);

        var rootfs = RootfsPlanner.Plan(input);
        var init = Seq<Step>();
        // Joined after the parent put the child into its cgroups, so the namespace's root is the container's cgroup.
        if (namespaces.Exists(n => n.Kind == NamespaceKind.Cgroup && n.Path.IsNone))
            init = init.Add(new UnshareNamespace(NamespaceKind.Cgroup, "linux.namespaces: cgroup (after joining the container's cgroups)"));
        if (namespaces.Exists(n => n.Kind == NamespaceKind.Network && n.Path.IsNone))
            init = init.Add(new BringUpLoopback("a new network namespace has only lo, and it starts down"));
        // createContainer: the container's mounts exist, the root is not switched yet (path resolved in the runtime's filesystem).
        init = init.Then(rootfs.BeforePivot)
            .Then(Lifecycle.HookPlanner.InContainer(input.Spec, HookPoint.CreateContainer, input.Options.ContainerId, input.Facts.BundlePath))
            .Add(rootfs.Pivot).Then(rootfs.AfterPivot)
            .Then(Lifecycle.ConsolePlanner.Plan(input.Spec))
            .Then(ProcessPlanner.Plan(input, namespaces, security));

        return new ContainerPlan(input.Options.ContainerId, input.Facts.BundlePath, Paths.Rootfs(input), host.Strict(), init.Strict());
    }
}
