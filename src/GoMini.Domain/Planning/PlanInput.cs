using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Spec;

namespace GoMini.Domain.Planning;

/// <summary>Everything a plan is made from: the bundle's config, the command line, the host.</summary>
public sealed record PlanInput(RuntimeSpec Spec, RunOptions Options, HostFacts Facts);
