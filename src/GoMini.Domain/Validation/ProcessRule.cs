using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Validation;

/// <summary>The process to run: args (after `--` and `--cmd`), an absolute cwd, KEY=VALUE env.</summary>
public static class ProcessRule
{
    public static Seq<PlanError> Check(PlanInput input)
    {
        var process = input.Spec.Process;
        var errors = Seq<PlanError>();
        if (ProcessPlanner.EffectiveArgs(input).IsEmpty)
            errors = errors.Add(new PlanError("process.args", "must not be empty"));
        if (process is null) return errors;
        if (process.Args is { } args)
            for (var i = 0; i < args.Count; i++)
                if (args[i] is null) errors = errors.Add(new PlanError($"process.args[{i}]", "must be a string"));
        if (process.Cwd is { } cwd && !cwd.StartsWith('/'))
            errors = errors.Add(new PlanError("process.cwd", "must be absolute"));
        if (process.Env is { } env)
            for (var i = 0; i < env.Count; i++)
                if (env[i] is null || !env[i].Contains('=') || env[i].StartsWith('='))
                    errors = errors.Add(new PlanError($"process.env[{i}]", $"must be KEY=VALUE, not \"{env[i]}\""));
        return errors;
    }
}
