using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>
/// Which namespaces the container gets. The config decides; `--net` and `--hostname` adjust it,
/// and a config with no `linux` section at all gets the seed's defaults (pid, uts, ipc, mount, network).
/// </summary>
public static class NamespacePlanner
{
    private static readonly Seq<NamespaceKind> SeedDefaults =
        Seq(NamespaceKind.Pid, NamespaceKind.Uts, NamespaceKind.Ipc, NamespaceKind.Mount, NamespaceKind.Network);

    public static Validation<PlanError, Seq<ContainerNamespace>> Plan(PlanInput input)
    {
        var declared = input.Spec.Linux is null
            ? Success<PlanError, Seq<ContainerNamespace>>(SeedDefaults.Map(k => new ContainerNamespace(k, None, "gomini's default for a config without linux")))
            : FromConfig(input.Spec.Linux.Namespaces ?? []);
        return declared.Bind(namespaces => ApplyFlags(namespaces, input.Options));
    }

    private static Validation<PlanError, Seq<ContainerNamespace>> FromConfig(IReadOnlyList<NamespaceSpec> specs)
    {
        var errors = Seq<PlanError>();
        var result = Seq<ContainerNamespace>();
        for (var i = 0; i < specs.Count; i++)
        {
            var path = $"linux.namespaces[{i}]";
            var type = specs[i].Type;
            var kind = type is null ? None : NamespaceNames.Parse(type);
            if (type is null) { errors = errors.Add(new PlanError($"{path}.type", "must be set")); continue; }
            if (kind.IsNone) { errors = errors.Add(new PlanError($"{path}.type", $"unknown namespace \"{type}\"")); continue; }
            var k = (NamespaceKind)kind;
            if (result.Exists(n => n.Kind == k)) { errors = errors.Add(new PlanError($"{path}.type", $"duplicate namespace \"{type}\"")); continue; }
            var joinPath = Optional(specs[i].Path).Filter(p => p.Length > 0);
            if (joinPath.Exists(p => !p.StartsWith('/'))) errors = errors.Add(new PlanError($"{path}.path", "must be absolute"));
            if (k == NamespaceKind.User) errors = errors.Add(new PlanError($"{path}.type", "user namespaces are not supported yet"));
            if (k == NamespaceKind.Time) errors = errors.Add(new PlanError($"{path}.type", "time namespaces are not supported yet"));
            result = result.Add(new ContainerNamespace(k, joinPath, path));
        }
        return errors.IsEmpty ? Success<PlanError, Seq<ContainerNamespace>>(result) : Fail<PlanError, Seq<ContainerNamespace>>(errors);
    }

    private static Validation<PlanError, Seq<ContainerNamespace>> ApplyFlags(Seq<ContainerNamespace> namespaces, RunOptions options)
    {
        var result = options.Net.Match(
            Some: net => net == NetMode.Host
                ? namespaces.Filter(n => n.Kind != NamespaceKind.Network)
                : namespaces.Filter(n => n.Kind != NamespaceKind.Network).Add(new ContainerNamespace(NamespaceKind.Network, None, "--net none")),
            None: () => namespaces);
        // The seed's --hostname always gave the container its own hostname: ask for a uts namespace.
        if (options.Hostname.IsSome && !result.Exists(n => n.Kind == NamespaceKind.Uts))
            result = result.Add(new ContainerNamespace(NamespaceKind.Uts, None, "--hostname"));
        if (!result.Exists(n => n.Kind == NamespaceKind.Mount))
            return new PlanError("linux.namespaces", "a mount namespace is required (gomini sets up the rootfs inside one)");
        return result;
    }
}
