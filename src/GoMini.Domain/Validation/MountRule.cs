using GoMini.Domain.Plan;
using GoMini.Domain.Planning;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Validation;

/// <summary>Each mount needs an absolute destination, and a source unless it is a pseudo filesystem.</summary>
public static class MountRule
{
    public static Seq<PlanError> Check(PlanInput input)
    {
        var mounts = input.Spec.Mounts ?? [];
        var errors = Seq<PlanError>();
        for (var i = 0; i < mounts.Count; i++)
        {
            var path = $"mounts[{i}]";
            var mount = mounts[i];
            if (string.IsNullOrEmpty(mount.Destination))
                errors = errors.Add(new PlanError($"{path}.destination", "must be set"));
            else if (!mount.Destination.StartsWith('/'))
                errors = errors.Add(new PlanError($"{path}.destination", $"must be absolute, not \"{mount.Destination}\""));
            var options = MountOptions.Parse(mount.Options ?? []);
            foreach (var unknown in options.Unknown)
                errors = errors.Add(new PlanError($"{path}.options", $"unknown mount option \"{unknown}\""));
            var isBind = mount.Type == "bind" || options.Bind;
            if (isBind && string.IsNullOrEmpty(mount.Source))
                errors = errors.Add(new PlanError($"{path}.source", "a bind mount needs a source"));
            if (!isBind && string.IsNullOrEmpty(mount.Type))
                errors = errors.Add(new PlanError($"{path}.type", "must be set (e.g. \"tmpfs\", \"proc\", \"bind\")"));
            if (mount.UidMappings is { Count: > 0 } || mount.GidMappings is { Count: > 0 })
                errors = errors.Add(new PlanError($"{path}.uidMappings", "id-mapped mounts are not supported yet"));
        }
        return errors;
    }
}
