using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// Which sysctls belong to a namespace (and so change only the container), and which
/// namespace. Every other sysctl is the whole machine's: writing it from a container
/// would change the host, so the planner refuses it.
/// </summary>
public static class SysctlRules
{
    /// <summary>The namespace a sysctl key belongs to, if it is namespaced at all.</summary>
    public static Option<NamespaceKind> NamespaceOf(string key) =>
        key switch
        {
            _ when key.StartsWith("net.", StringComparison.Ordinal) => NamespaceKind.Network,
            _ when key.StartsWith("fs.mqueue.", StringComparison.Ordinal) => NamespaceKind.Ipc,
            _ when key.StartsWith("kernel.shm", StringComparison.Ordinal) => NamespaceKind.Ipc,
            _ when key.StartsWith("kernel.msg", StringComparison.Ordinal) => NamespaceKind.Ipc,
            _ when key.StartsWith("kernel.sem", StringComparison.Ordinal) => NamespaceKind.Ipc,
            "kernel.hostname" or "kernel.domainname" => NamespaceKind.Uts,
            _ => None,
        };

    private static string Describe(NamespaceKind kind) =>
        kind switch
        {
            NamespaceKind.Network => "network",
            NamespaceKind.Ipc => "ipc",
            NamespaceKind.Uts => "uts",
            _ => kind.ToString().ToLowerInvariant(),
        };

    /// <summary>The WriteSysctl steps, in key order; every refused key is reported.</summary>
    public static Validation<PlanError, Seq<Step>> Plan(IReadOnlyDictionary<string, string>? sysctl, Set<NamespaceKind> namespaces) =>
        Accumulate.All((sysctl ?? new Dictionary<string, string>())
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => One(entry.Key, entry.Value ?? "", namespaces)));

    private static Validation<PlanError, Step> One(string key, string value, Set<NamespaceKind> namespaces)
    {
        var path = $"linux.sysctl.\"{key}\"";
        // The key becomes a path under /proc/sys (dots to slashes): no empty segment, no slash.
        if (key.Length == 0 || key.Split('.').Any(segment => segment.Length == 0) || key.Contains('/') || key.Contains('\0'))
            return Accumulate.Fail<Step>(path, "is not a sysctl name (dot-separated words, like net.ipv4.ip_forward)");
        return NamespaceOf(key).Match(
            Some: kind => namespaces.Contains(kind)
                ? Success<PlanError, Step>(new WriteSysctl(key, value, path))
                : Accumulate.Fail<Step>(path, $"belongs to the {Describe(kind)} namespace and linux.namespaces has none, refusing to change the host"),
            None: () => Accumulate.Fail<Step>(path, "not namespaced, refusing to change the host"));
    }
}
