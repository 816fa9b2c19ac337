using GoMini.Domain.Plan;
using GoMini.Effects.Interpreter;

namespace GoMini.Effects;

/// <summary>What the interpreter needs besides the plan: how to report and where to record.</summary>
public sealed record RunSettings(bool Verbose);

/// <summary>Executes a plan's host steps in the parent; the init steps travel to the init child.</summary>
public static class ContainerRunner
{
    // CONTRACT (owned by the effects work): returns the container's exit status (128+N for signal N).
    public static int Run(ContainerPlan plan, RunSettings settings) => new HostInterpreter(plan, settings).Run();
}
