using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;

namespace GoMini.Properties.Planning;

/// <summary>The default /dev against configured devices.</summary>
public sealed class DevProperties
{
    /// <summary>
    /// podman --privileged passes the host's /dev/ptmx as a device; runc replaces it by the link to
    /// pts/ptmx (the container's own devpts). gomini used to keep the host's node and skip the link.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property A_configured_dev_ptmx_gives_way_to_the_link_to_pts_ptmx_and_other_devices_stay() =>
        Prop.ForAll(Generators.ValidSpec.ToArbitrary(), Gen.Elements("/dev/ptmx", "/dev//ptmx", "/dev/./ptmx").ToArbitrary(), (spec, ptmx) =>
        {
            var devices = new List<DeviceSpec>
            {
                new() { Type = "c", Path = ptmx, Major = 5, Minor = 2, FileMode = 0x1B6 },
                new() { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229, FileMode = 0x1B6 },
            };
            var withDevices = spec with { Linux = spec.Linux! with { Devices = devices } };
            var init = Planner.Plan(withDevices, new RunOptions(), Generators.Facts)
                .Match(p => p.Init.ToList(), e => throw new Xunit.Sdk.XunitException(string.Join("; ", e)));
            var nodes = init.OfType<MakeDevice>().Select(d => d.Path).ToList();
            var linked = init.OfType<MakeSymlink>().Any(l => l.LinkPath == "/dev/ptmx" && l.Target == "pts/ptmx");
            // With a bound /dev the container brings its own nodes and links: none are planned.
            return nodes.Count == 0 && !linked
                   || linked && !nodes.Contains("/dev/ptmx") && nodes.Contains("/dev/fuse");
        });

    /// <summary>This host's kernel has no /proc/kcore: gomini made a dangling /dev/core where runc makes none.</summary>
    [Property(MaxTest = 100)]
    public Property Dev_core_links_to_kcore_only_where_the_host_has_it() =>
        Prop.ForAll(Generators.ValidSpec.ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (spec, hasKcore) =>
        {
            var init = Planner.Plan(spec, new RunOptions(), Generators.Facts with { HasKcore = hasKcore })
                .Match(p => p.Init.ToList(), e => throw new Xunit.Sdk.XunitException(string.Join("; ", e)));
            var links = init.OfType<MakeSymlink>().ToList();
            var core = links.Any(l => l.LinkPath == "/dev/core" && l.Target == "/proc/kcore");
            // No links at all: the config binds its own /dev.
            return links.Count == 0 || core == hasKcore;
        });
}
