using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Planning;

/// <summary>A namespace the container gets: a new one, or an existing one joined by path.</summary>
public sealed record ContainerNamespace(NamespaceKind Kind, Option<string> Path, string Reason);
