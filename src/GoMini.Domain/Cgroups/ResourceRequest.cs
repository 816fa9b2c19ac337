using GoMini.Domain.Options;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// linux.resources with the flags applied (`--mem`, `--cpu`, `--pids` beat the config), and for
/// each overridden field the flag it came from, so errors and `explain` name what the user typed.
/// </summary>
public sealed record ResourceRequest(ResourcesSpec Resources, HashMap<string, string> Flags, Seq<DeviceSpec> DeviceNodes)
{
    public const string Prefix = "linux.resources.";

    /// <summary>The name of a field as the user gave it: the flag if one set it, else its JSON path.</summary>
    public string Path(string field) => Flags.Find(field).IfNone(Prefix + field);

    public static ResourceRequest From(RuntimeSpec spec, RunOptions options)
    {
        var resources = spec.Linux?.Resources ?? new ResourcesSpec();
        var flags = HashMap<string, string>.Empty;
        foreach (var mem in options.MemoryBytes)
        {
            resources = resources with { Memory = (resources.Memory ?? new MemorySpec()) with { Limit = mem } };
            flags = flags.AddOrUpdate("memory.limit", "--mem");
        }
        foreach (var quota in options.CpuQuota)
        {
            resources = resources with
            {
                Cpu = (resources.Cpu ?? new CpuSpec()) with { Quota = quota, Period = Conversions.DefaultCpuPeriod },
            };
            flags = flags.AddOrUpdate("cpu.quota", "--cpu").AddOrUpdate("cpu.period", "--cpu");
        }
        foreach (var pids in options.Pids)
        {
            resources = resources with { Pids = new PidsSpec { Limit = pids } };
            flags = flags.AddOrUpdate("pids.limit", "--pids");
        }
        return new ResourceRequest(resources, flags, (spec.Linux?.Devices ?? []).ToSeq());
    }
}
