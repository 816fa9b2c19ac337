using GoMini.Domain.Linux;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// Checks process.capabilities and plans how the init child reaches them:
/// bounding set dropped and keep-caps set while still root, then capset and ambient raise
/// after the change of uid (see <see cref="SecurityPlanner"/> for where each group goes).
/// </summary>
public static class CapabilityPlanner
{
    private const string Root = "process.capabilities";

    /// <summary>Every unknown name, every capability the host cannot give, every set capset would refuse.</summary>
    public static Validation<PlanError, CapabilitySets> Check(CapabilitiesSpec? spec, Option<Seq<string>> hostBounding)
    {
        var named = Accumulate.All(Seq(
            Names(spec?.Bounding, "bounding", hostBounding),
            Names(spec?.Effective, "effective", hostBounding),
            Names(spec?.Permitted, "permitted", hostBounding),
            Names(spec?.Inheritable, "inheritable", hostBounding),
            Names(spec?.Ambient, "ambient", hostBounding)));
        return named.Bind(sets =>
        {
            var caps = new CapabilitySets(Distinct(sets[0]), Distinct(sets[1]), Distinct(sets[2]), Distinct(sets[3]), Distinct(sets[4]));
            return KernelRules(sets, caps).Map(_ => caps);
        });
    }

    /// <summary>PR_SET_KEEPCAPS (only when the uid changes and some capability must survive it), then the bounding drop.</summary>
    public static Seq<Step> BeforeUserChange(CapabilitySets caps, uint uid)
    {
        var needed = !(caps.Permitted.IsEmpty && caps.Effective.IsEmpty && caps.Inheritable.IsEmpty && caps.Ambient.IsEmpty);
        var keep = uid != 0 && needed
            ? Seq1<Step>(new KeepCapabilities($"process.user.uid is {uid}: {Root} must survive the change of uid"))
            : Seq<Step>();
        var drop = DropSet(caps.Bounding);
        var bounding = drop.IsEmpty
            ? Seq<Step>()
            : Seq1<Step>(new DropBoundingCapabilities(drop, $"{Root}.bounding keeps {caps.Bounding.Count} of {Capabilities.All.Count}"));
        return keep.Then(bounding);
    }

    /// <summary>
    /// capset of effective, permitted and inheritable; the ambient raise comes last (it needs them in place).
    /// The kernel raises an ambient capability only if it is both permitted and inheritable; `runc spec`
    /// writes an ambient set with no inheritable one, and runc then ignores the failed raise (measured:
    /// CapAmb 0). So the others are left out, and the step's reason says which.
    /// </summary>
    public static Seq<Step> AfterUserChange(CapabilitySets caps)
    {
        Step set = new SetCapabilities(caps.Effective, caps.Permitted, caps.Inheritable,
            $"{Root}.effective, .permitted and .inheritable");
        var raisable = caps.Ambient.Filter(c => caps.Permitted.Contains(c) && caps.Inheritable.Contains(c));
        var skipped = caps.Ambient.Filter(c => !raisable.Contains(c));
        var reason = skipped.IsEmpty
            ? $"{Root}.ambient"
            : $"{Root}.ambient, without {string.Join(", ", skipped)}: the kernel raises only what is permitted and inheritable";
        return raisable.IsEmpty
            ? Seq1(set)
            : Seq(set, new RaiseAmbientCapabilities(raisable, reason));
    }

    /// <summary>Every capability the kernel knows that the bounding set does not keep, in number order.</summary>
    public static Seq<string> DropSet(Seq<string> bounding)
    {
        var keep = toHashSet(bounding);
        return Capabilities.All.Filter(name => !keep.Contains(name));
    }

    private static Validation<PlanError, Seq<string>> Names(IReadOnlyList<string>? names, string set, Option<Seq<string>> hostBounding) =>
        Accumulate.All((names ?? []).Select((name, index) => Name(name, $"{Root}.{set}[{index}]", hostBounding)));

    private static Validation<PlanError, string> Name(string? name, string path, Option<Seq<string>> hostBounding) =>
        Capabilities.Number(name ?? "").Match(
            Some: number =>
            {
                var canonical = Capabilities.All[number];
                return hostBounding.Match(
                    Some: host => host.Exists(h => string.Equals(h, canonical, StringComparison.OrdinalIgnoreCase))
                        ? Success<PlanError, string>(canonical)
                        : Accumulate.Fail<string>(path, $"{canonical} is not in gomini's own bounding set on this host, so no process gomini starts can have it"),
                    None: () => Success<PlanError, string>(canonical));
            },
            None: () => Accumulate.Fail<string>(path, $"unknown capability \"{name}\""));

    // capset refuses these (EPERM); say so before anything runs.
    private static Validation<PlanError, Unit> KernelRules(Seq<Seq<string>> raw, CapabilitySets caps)
    {
        var errors = new[]
        {
            Outside(raw[1], "effective", caps.Permitted,
                "is not in process.capabilities.permitted; the kernel refuses an effective capability that is not permitted"),
            Outside(raw[3], "inheritable", caps.Bounding,
                "is not in process.capabilities.bounding; the kernel refuses an inheritable capability outside the bounding set"),
        };
        return Accumulate.Errors(errors.SelectMany(e => e));
    }

    private static IEnumerable<PlanError> Outside(Seq<string> names, string set, Seq<string> allowed, string message)
    {
        var within = toHashSet(allowed);
        return names.Select((name, index) => (name, index))
            .Where(x => !within.Contains(x.name))
            .Select(x => new PlanError($"{Root}.{set}[{x.index}]", $"{x.name} {message}"))
            .ToList();
    }

    private static Seq<string> Distinct(Seq<string> names) => names.Distinct().ToSeq();
}
