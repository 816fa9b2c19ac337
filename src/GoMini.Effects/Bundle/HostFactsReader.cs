using System.Runtime.InteropServices;
using GoMini.Domain.Host;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using GoMini.Domain.Linux;
using GoMini.Effects.Cgroups;
using LanguageExt;
using static LanguageExt.Prelude;

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
        return new HostFacts(GetEuid(), bundle, Directory.Exists(rootfs), CgroupFactsReader.Read())
        {
            BoundingCapabilities = ReadBoundingSet(),
            HasKcore = File.Exists("/proc/kcore"),
        };
    }

    /// <summary>CapBnd of /proc/self/status as capability names; None if it cannot be read.</summary>
    private static Option<Seq<string>> ReadBoundingSet()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("CapBnd:", StringComparison.Ordinal)) continue;
                var mask = ulong.Parse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.HexNumber);
                return Some(toSeq(Capabilities.All.Where((_, i) => i < 64 && (mask & (1UL << i)) != 0).ToList()));
            }
        }
        catch (IOException) { }
        return None;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
