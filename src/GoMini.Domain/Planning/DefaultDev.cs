using GoMini.Domain.Linux;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// The /dev every container expects (runc's defaults): a tmpfs with devpts and shm when the config
/// mounts none, the six standard device nodes, the configured devices, and the fd/stdio links.
/// None of it when the config binds a /dev of its own.
/// </summary>
public static class DefaultDev
{
    private const string Reason = "the default /dev a container expects";

    public static Seq<Step> Mounts(Seq<MountSpec> mounts)
    {
        var has = (string d) => mounts.Exists(m => Paths.Normalize(m.Destination ?? "") == d);
        var steps = Seq<Step>();
        if (!has("/dev"))
            steps = steps.Add(new MountFilesystem("tmpfs", "/dev", "tmpfs", MountFlags.NoSuid | MountFlags.StrictAtime, "mode=755,size=65536k", Reason));
        if (!has("/dev") && !has("/dev/pts"))
            steps = steps.Add(new MountFilesystem("devpts", "/dev/pts", "devpts", MountFlags.NoSuid | MountFlags.NoExec, "newinstance,ptmxmode=0666,mode=0620", Reason));
        if (!has("/dev") && !has("/dev/shm"))
            steps = steps.Add(new MountFilesystem("shm", "/dev/shm", "tmpfs", MountFlags.NoSuid | MountFlags.NoDev | MountFlags.NoExec, "mode=1777,size=65536k", Reason));
        return steps;
    }

    private static readonly Seq<(string Path, long Major, long Minor)> StandardNodes =
        Seq(("/dev/null", 1L, 3L), ("/dev/zero", 1L, 5L), ("/dev/full", 1L, 7L), ("/dev/random", 1L, 8L), ("/dev/urandom", 1L, 9L), ("/dev/tty", 5L, 0L));

    private static readonly Seq<(string Target, string Link)> Links =
        Seq(("/proc/self/fd", "/dev/fd"), ("/proc/self/fd/0", "/dev/stdin"), ("/proc/self/fd/1", "/dev/stdout"),
            ("/proc/self/fd/2", "/dev/stderr"), ("/proc/kcore", "/dev/core"), ("pts/ptmx", "/dev/ptmx"));

    public static Seq<Step> Nodes(PlanInput input, Seq<MountSpec> mounts)
    {
        var devIsBound = mounts.Exists(m => Paths.Normalize(m.Destination ?? "") == "/dev"
                                            && (m.Type == "bind" || MountOptions.Parse(m.Options ?? []).Bind));
        if (devIsBound) return Seq<Step>();
        var configured = (input.Spec.Linux?.Devices ?? []).Select((d, i) => (Device: d, Path: $"linux.devices[{i}]")).ToSeq();
        var configuredPaths = configured.Map(d => Paths.Normalize(d.Device.Path ?? "")).ToHashSet();

        var standard = StandardNodes
            .Filter(n => !configuredPaths.Contains(n.Path))
            .Map(n => (Step)new MakeDevice(n.Path, 'c', n.Major, n.Minor, 0x1B6 /* 0666 */, 0, 0, Reason));
        // A configured /dev/ptmx (podman --privileged passes the host's) gives way to the link to
        // pts/ptmx, as runc replaces it: the container's ptmx is its own devpts instance's.
        var fromConfig = configured
            .Filter(d => !string.IsNullOrEmpty(d.Device.Path) && d.Device.Type is { Length: 1 } && Paths.Normalize(d.Device.Path!) != "/dev/ptmx")
            .Map(d => (Step)new MakeDevice(Paths.Normalize(d.Device.Path!), d.Device.Type![0], d.Device.Major ?? 0, d.Device.Minor ?? 0,
                d.Device.FileMode ?? 0x1B6, d.Device.Uid ?? 0, d.Device.Gid ?? 0, d.Path));
        // runc links /dev/core only where /proc/kcore exists; elsewhere the link would dangle.
        var links = Links.Filter(l => input.Facts.HasKcore || l.Link != "/dev/core")
            .Map(l => (Step)new MakeSymlink(l.Target, l.Link, Reason));
        return standard.Then(fromConfig).Then(links);
    }
}
