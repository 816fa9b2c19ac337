using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Validation;

/// <summary>The spec: a hostname or domainname without a new uts namespace is an error.</summary>
public static class HostnameRule
{
    public static Seq<PlanError> Check(PlanInput input)
    {
        var namespaces = input.Spec.Linux?.Namespaces ?? [];
        var hasUts = input.Spec.Linux is null || namespaces.Any(n => n.Type == "uts" && string.IsNullOrEmpty(n.Path));
        if (hasUts || input.Options.Hostname.IsSome) return Empty;
        var errors = Seq<PlanError>();
        if (!string.IsNullOrEmpty(input.Spec.Hostname))
            errors = errors.Add(new PlanError("hostname", "set, but no uts namespace is requested"));
        if (!string.IsNullOrEmpty(input.Spec.Domainname))
            errors = errors.Add(new PlanError("domainname", "set, but no uts namespace is requested"));
        return errors;
    }
}
