using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Validation;

/// <summary>ociVersion must be a runtime-spec release GoMini understands: 1.0.x to 1.3.x.</summary>
public static class VersionRule
{
    public static Seq<PlanError> Check(PlanInput input)
    {
        var version = input.Spec.OciVersion;
        if (string.IsNullOrEmpty(version)) return Seq1(new PlanError("ociVersion", "must be set (e.g. \"1.2.0\")"));
        var parts = version.Split('-', '+')[0].Split('.');
        var ok = parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
                 && parts[0] == "1" && int.Parse(parts[1]) <= 3;
        return ok ? Empty : Seq1(new PlanError("ociVersion", $"unsupported version \"{version}\" (GoMini accepts 1.0.x to 1.3.x)"));
    }
}
