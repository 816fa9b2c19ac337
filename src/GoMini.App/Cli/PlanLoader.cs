using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using GoMini.Effects.Bundle;
using LanguageExt;

namespace GoMini.App.Cli;

/// <summary>
/// The impure-pure sandwich's first two layers: read the bundle and the host (impure), then
/// check the flags and plan (pure). Commands then print or execute the result.
/// </summary>
public static class PlanLoader
{
    public static Validation<PlanError, ContainerPlan> Load(string bundle, RawRunOptions raw) =>
        OptionParser.Parse(raw).Bind(options =>
            BundleReader.ReadConfig(bundle).Bind(json =>
                SpecReader.Parse(json).Bind(spec =>
                    Planner.Plan(spec, options, HostFactsReader.Read(bundle, spec)))));

    /// <summary>Prints each error on its own line, the way every gomini error looks, and gives exit code 1.</summary>
    public static int Report(Seq<PlanError> errors)
    {
        foreach (var error in errors)
            Console.Error.WriteLine($"gomini: {error}");
        return 1;
    }
}
