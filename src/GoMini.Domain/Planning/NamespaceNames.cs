using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Planning;

/// <summary>The runtime-spec's namespace type names ("network", "mount"…) and their clone flags.</summary>
public static class NamespaceNames
{
    private static readonly Map<string, NamespaceKind> Kinds = Map(
        ("pid", NamespaceKind.Pid), ("network", NamespaceKind.Network), ("mount", NamespaceKind.Mount),
        ("ipc", NamespaceKind.Ipc), ("uts", NamespaceKind.Uts), ("user", NamespaceKind.User),
        ("cgroup", NamespaceKind.Cgroup), ("time", NamespaceKind.Time));

    public static Option<NamespaceKind> Parse(string name) => Kinds.Find(name);

    public static string SpecName(NamespaceKind kind) => kind switch
    {
        NamespaceKind.Network => "network",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>CLONE_NEW* as the kernel and explain name it.</summary>
    public static string CloneFlag(NamespaceKind kind) => kind switch
    {
        NamespaceKind.Pid => "CLONE_NEWPID",
        NamespaceKind.Network => "CLONE_NEWNET",
        NamespaceKind.Mount => "CLONE_NEWNS",
        NamespaceKind.Ipc => "CLONE_NEWIPC",
        NamespaceKind.Uts => "CLONE_NEWUTS",
        NamespaceKind.User => "CLONE_NEWUSER",
        NamespaceKind.Cgroup => "CLONE_NEWCGROUP",
        NamespaceKind.Time => "CLONE_NEWTIME",
        _ => kind.ToString(),
    };
}
