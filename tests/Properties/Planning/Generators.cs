using FsCheck;
using FsCheck.Fluent;
using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Properties.Planning;

/// <summary>Generators of valid configs and command lines; invalid ones are made from these by injecting defects.</summary>
public static class Generators
{
    /// <summary>A list of <paramref name="min"/> to <paramref name="max"/> values.</summary>
    public static Gen<IList<T>> Between<T>(Gen<T> gen, int min, int max) =>
        from n in Gen.Choose(min, max) from xs in gen.ListOf(n) select (IList<T>)xs.ToList();

    public static readonly HostFacts Facts = new(0, "/bundle", true, CgroupFacts.NoCgroups);

    private static readonly string[] NamespaceTypes = ["pid", "network", "ipc", "uts", "cgroup"];

    // Path segments include "." and ".." so that destinations try to climb out of the root.
    private static readonly Gen<string> Segment = Gen.Elements("a", "b", "data", "proc", "..", ".", "etc", "x y", "dev");

    public static readonly Gen<string> Destination =
        from parts in Between(Segment, 1, 5) select "/" + string.Join('/', parts);

    private static readonly Gen<MountSpec> Mount = Gen.OneOf(
        from d in Destination select new MountSpec { Destination = d, Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "mode=755"] },
        from d in Destination from ro in Gen.Elements(true, false)
        select new MountSpec { Destination = d, Type = "bind", Source = "/srv", Options = ro ? ["rbind", "ro"] : ["bind"] },
        from d in Destination select new MountSpec { Destination = d, Type = "proc", Source = "proc" });

    private static readonly Gen<string> Word = Gen.Elements("sh", "echo", "hello", "-c", "true", "a b", "$HOME");

    public static readonly Gen<RuntimeSpec> ValidSpec =
        from namespaces in Gen.SubListOf(NamespaceTypes)
        from mounts in Between(Mount, 0, 6)
        from args in Between(Word, 1, 4)
        from hostname in Gen.Elements<string?>(null, "box", "web-1")
        from version in Gen.Elements("1.0.2", "1.1.0", "1.2.0", "1.3.0")
        from readOnly in Gen.Elements(true, false)
        let withUts = hostname is null || namespaces.Contains("uts") ? namespaces : namespaces.Append("uts")
        select new RuntimeSpec
        {
            OciVersion = version,
            Process = new ProcessSpec { Args = args.ToList(), Cwd = "/", Env = ["PATH=/bin"] },
            Root = new RootSpec { Path = "rootfs", Readonly = readOnly },
            Hostname = hostname,
            Mounts = mounts.ToList(),
            Linux = new LinuxSpec { Namespaces = withUts.Append("mount").Select(t => new NamespaceSpec { Type = t }).ToList() },
        };

    public static readonly Gen<RunOptions> Options =
        from args in Between(Word, 0, 3)
        from cmd in Gen.Elements<string?>(null, "echo hi", "exit 3")
        from hostname in Gen.Elements<string?>(null, "flagged")
        from net in Gen.Elements<NetMode?>(null, NetMode.None, NetMode.Host)
        from noPivot in Gen.Elements(true, false)
        from mode in Gen.Elements(LaunchMode.Run, LaunchMode.Create)
        select new RunOptions
        {
            Args = args.ToSeq().Strict(),
            Cmd = Optional(cmd),
            Hostname = Optional(hostname),
            Net = net is null ? None : Some(net.Value),
            NoPivot = noPivot,
            Mode = mode,
        };

    public static Arbitrary<(RuntimeSpec Spec, RunOptions Options)> SpecAndOptions() =>
        Arb.From(from s in ValidSpec from o in Options select (s, o));
}
