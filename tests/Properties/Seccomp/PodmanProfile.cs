using System.Text.Json;
using GoMini.Domain.Spec;

namespace GoMini.Properties.Seccomp;

/// <summary>
/// podman's default profile (/usr/share/containers/seccomp.json, from containers-common) is in Docker's
/// format. This turns it into the OCI profile podman writes into config.json on an x86_64 host with
/// podman's default capabilities: rules for other arches or for capabilities the container lacks drop out.
/// </summary>
public static class PodmanProfile
{
    public const string File = "/usr/share/containers/seccomp.json";

    private static readonly string[] DefaultCapabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE",
        "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT",
    ];

    private static readonly Lazy<SeccompSpec> Loaded = new(() => Load(System.IO.File.ReadAllText(File)));

    public static SeccompSpec Default => Loaded.Value;

    public static SeccompSpec Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var arches = root.GetProperty("archMap").EnumerateArray()
            .Where(a => a.GetProperty("architecture").GetString() == "SCMP_ARCH_X86_64")
            .SelectMany(a => new[] { a.GetProperty("architecture").GetString()! }
                .Concat(a.GetProperty("subArchitectures").EnumerateArray().Select(s => s.GetString()!)))
            .ToArray();

        var rules = new List<SyscallRuleSpec>();
        foreach (var s in root.GetProperty("syscalls").EnumerateArray())
        {
            if (!Applies(s)) continue;
            rules.Add(new SyscallRuleSpec
            {
                Names = s.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToArray(),
                Action = s.GetProperty("action").GetString(),
                ErrnoRet = s.TryGetProperty("errnoRet", out var e) ? e.GetUInt32() : null,
                Args = s.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array
                    ? args.EnumerateArray().Select(a => new SyscallArgSpec
                    {
                        Index = a.GetProperty("index").GetUInt32(),
                        Value = a.GetProperty("value").GetUInt64(),
                        ValueTwo = a.GetProperty("valueTwo").GetUInt64(),
                        Op = a.GetProperty("op").GetString(),
                    }).ToArray()
                    : null,
            });
        }

        return new SeccompSpec
        {
            DefaultAction = root.GetProperty("defaultAction").GetString(),
            DefaultErrnoRet = root.TryGetProperty("defaultErrnoRet", out var d) ? d.GetUInt32() : null,
            Architectures = arches,
            Syscalls = rules,
        };
    }

    private static bool Applies(JsonElement rule)
    {
        static string[] List(JsonElement rule, string section, string key) =>
            rule.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object &&
            s.TryGetProperty(key, out var l) && l.ValueKind == JsonValueKind.Array
                ? l.EnumerateArray().Select(x => x.GetString()!).ToArray()
                : [];

        var includeArches = List(rule, "includes", "arches");
        if (includeArches.Length > 0 && !includeArches.Contains("amd64")) return false;
        if (List(rule, "excludes", "arches").Contains("amd64")) return false;
        if (List(rule, "includes", "caps").Any(c => !DefaultCapabilities.Contains(c))) return false;
        if (List(rule, "excludes", "caps").Any(DefaultCapabilities.Contains)) return false;
        return true;
    }
}
