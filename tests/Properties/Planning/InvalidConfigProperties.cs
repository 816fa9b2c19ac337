using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Options;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;

namespace GoMini.Properties.Planning;

/// <summary>Every invalid config is rejected, and every defect in it is reported with its path.</summary>
public class InvalidConfigProperties
{
    /// <summary>A way to break a valid config, giving the broken config and the path its error must name.</summary>
    private sealed record Defect(Func<RuntimeSpec, (RuntimeSpec Spec, string Path)> Apply)
    {
        public Defect(string path, Func<RuntimeSpec, RuntimeSpec> apply) : this(s => (apply(s), path)) { }
    }

    // A bad mount is appended, so its index (and so its path) depends on the mounts before it.
    private static Defect BadMount(string field, MountSpec mount) =>
        new(s => (s with { Mounts = [.. s.Mounts!, mount] }, $"mounts[{s.Mounts!.Count}].{field}"));

    private static readonly Defect[] Catalogue =
    [
        new("ociVersion", s => s with { OciVersion = "2.0.0" }),
        new("process.args", s => s with { Process = s.Process! with { Args = [] } }),
        new("process.cwd", s => s with { Process = s.Process! with { Cwd = "relative" } }),
        new("process.env[0]", s => s with { Process = s.Process! with { Env = ["NOEQUALS"] } }),
        new("root.path", s => s with { Root = new RootSpec() }),
        BadMount("destination", new MountSpec { Destination = "relative", Type = "tmpfs" }),
        BadMount("options", new MountSpec { Destination = "/x", Type = "tmpfs", Options = ["frobnicate"] }),
        BadMount("source", new MountSpec { Destination = "/x", Type = "bind" }),
        new(s => (s with { Linux = s.Linux! with { Namespaces = [.. s.Linux!.Namespaces!, new NamespaceSpec { Type = "foo" }] } },
            $"linux.namespaces[{s.Linux!.Namespaces!.Count}].type")),
    ];

    private static readonly Gen<(RuntimeSpec Spec, string[] Paths)> Broken =
        from spec in Generators.ValidSpec
        from defects in Gen.SubListOf(Catalogue).Where(d => d.Count > 0)
        select Break(spec, defects);

    private static (RuntimeSpec, string[]) Break(RuntimeSpec spec, IEnumerable<Defect> defects)
    {
        var paths = new List<string>();
        foreach (var defect in defects)
        {
            (spec, var path) = defect.Apply(spec);
            paths.Add(path);
        }
        return (spec, paths.ToArray());
    }

    [Property(MaxTest = 150)]
    public Property Every_defect_of_an_invalid_config_is_reported_with_its_path() =>
        Prop.ForAll(Arb.From(Broken), x =>
        {
            var errors = Planner.Plan(x.Spec, new RunOptions(), Generators.Facts).Match(_ => [], e => e.ToList());
            return errors.Count > 0 && x.Paths.All(p => errors.Any(e => e.Path == p));
        });

    [Property(MaxTest = 100)]
    public Property A_hostname_without_a_uts_namespace_is_an_error_naming_hostname() =>
        Prop.ForAll(Arb.From(Generators.ValidSpec), spec =>
        {
            var noUts = spec with
            {
                Hostname = "box",
                Linux = spec.Linux! with { Namespaces = spec.Linux!.Namespaces!.Where(n => n.Type != "uts").ToList() },
            };
            var errors = Planner.Plan(noUts, new RunOptions(), Generators.Facts).Match(_ => [], e => e.ToList());
            return errors.Any(e => e.Path == "hostname" && e.Message.Contains("uts"));
        });

    [Property(MaxTest = 100)]
    public Property A_duplicate_namespace_is_an_error_naming_its_index() =>
        Prop.ForAll(Arb.From(Generators.ValidSpec), spec =>
        {
            var namespaces = spec.Linux!.Namespaces!;
            var doubled = spec with { Linux = spec.Linux with { Namespaces = [.. namespaces, namespaces[0]] } };
            var errors = Planner.Plan(doubled, new RunOptions(), Generators.Facts).Match(_ => [], e => e.ToList());
            return errors.Any(e => e.Path == $"linux.namespaces[{namespaces.Count}].type" && e.Message.StartsWith("duplicate"));
        });

    [Property(MaxTest = 100)]
    public Property Bad_flag_values_are_each_reported_naming_the_flag() =>
        Prop.ForAll(Arb.From(Gen.SubListOf(["--cpu", "--mem", "--pids", "--net"]).Where(f => f.Count > 0)), flags =>
        {
            var raw = new RawRunOptions(
                Cpu: flags.Contains("--cpu") ? "-5" : null, Mem: flags.Contains("--mem") ? "lots" : null,
                Pids: flags.Contains("--pids") ? "0" : null, Net: flags.Contains("--net") ? "bridge" : null);
            var errors = OptionParser.Parse(raw).Match(_ => [], e => e.ToList());
            return errors.Count == flags.Count && flags.All(f => errors.Any(e => e.Path == f));
        });
}
