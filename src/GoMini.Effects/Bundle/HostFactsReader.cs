using System.Runtime.InteropServices;
using GoMini.Domain.Host;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using GoMini.Effects.Cgroups;

namespace GoMini.Effects.Bundle;

/// <summary>Reads the facts about this host that the pure planner needs, once per command.</summary>
public static partial class HostFactsReader
{
    public static HostFacts Read(string bundleDirectory, RuntimeSpec spec)
    {
        var bundle = Path.GetFullPath(bundleDirectory).TrimEnd('/');
        if (bundle.Length == 0) bundle = "/";
        var root = spec.Root?.Path ?? "rootfs";
        var rootfs = root.StartsWith('/') ? root : Paths.Normalize($"{bundle}/{root}");
        return new HostFacts(GetEuid(), bundle, Directory.Exists(rootfs), CgroupFactsReader.Read());
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
