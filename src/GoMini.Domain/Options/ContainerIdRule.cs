using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Options;

/// <summary>
/// A container id names a state directory and cgroups, so it must be a plain file name:
/// letters, digits and _ + - . (as runc allows), not "." or "..", at most 1024 characters.
/// </summary>
public static class ContainerIdRule
{
    public static Validation<PlanError, string> Check(string id)
    {
        var ok = id.Length is > 0 and <= 1024 && id != "." && id != ".."
                 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '.');
        return ok
            ? Success<PlanError, string>(id)
            : Fail<PlanError, string>(new PlanError("container-id", $"invalid id \"{id}\": use letters, digits and _ + - . only"));
    }
}
