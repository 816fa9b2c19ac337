using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// process.rlimits, process.oomScoreAdj, linux.personality and process.noNewPrivileges:
/// the limits the init child puts on itself (while still root), which execve keeps.
/// </summary>
public static class ProcessLimitsPlanner
{
    public static Validation<PlanError, Seq<Step>> Plan(RuntimeSpec spec) =>
        Accumulate.Steps(
            Rlimits(spec.Process?.Rlimits),
            OomScoreAdj(spec.Process?.OomScoreAdj),
            Personality(spec.Linux?.Personality),
            Success<PlanError, Seq<Step>>(spec.Process?.NoNewPrivileges == true
                ? Seq1<Step>(new SetNoNewPrivileges("process.noNewPrivileges"))
                : Seq<Step>()));

    /// <summary>One setrlimit per entry, in config order; each type at most once.</summary>
    public static Validation<PlanError, Seq<Step>> Rlimits(IReadOnlyList<RlimitSpec>? rlimits) =>
        Accumulate.All((rlimits ?? []).Select((rlimit, index) => Rlimit(rlimit, index, rlimits!)));

    private static Validation<PlanError, Step> Rlimit(RlimitSpec rlimit, int index, IReadOnlyList<RlimitSpec> all)
    {
        var path = $"process.rlimits[{index}]";
        var type = rlimit.Type?.ToUpperInvariant() ?? "";
        var errors = new List<PlanError>();
        if (rlimit.Type is null)
            errors.Add(new PlanError($"{path}.type", "is required"));
        else if (Linux.Rlimits.Number(type).IsNone)
            errors.Add(new PlanError($"{path}.type", $"unknown rlimit \"{rlimit.Type}\" (known: {string.Join(", ", Linux.Rlimits.Names)})"));
        else
        {
            var first = Enumerable.Range(0, index).FirstOrDefault(i => string.Equals(all[i].Type, rlimit.Type, StringComparison.OrdinalIgnoreCase), -1);
            if (first >= 0)
                errors.Add(new PlanError($"{path}.type", $"{type} is already set by process.rlimits[{first}]"));
        }
        if (rlimit.Soft is null) errors.Add(new PlanError($"{path}.soft", "is required"));
        if (rlimit.Hard is null) errors.Add(new PlanError($"{path}.hard", "is required"));
        if (rlimit.Soft is { } soft && rlimit.Hard is { } hard && soft > hard)
            errors.Add(new PlanError($"{path}.soft", $"{soft} is above the hard limit {hard}; the kernel refuses a soft limit above the hard one"));
        return Accumulate.Errors(errors).Map(_ =>
            (Step)new SetRlimit(type, rlimit.Soft!.Value, rlimit.Hard!.Value, $"{path} ({type})"));
    }

    private static Validation<PlanError, Seq<Step>> OomScoreAdj(int? score) =>
        score switch
        {
            null => Seq<Step>(),
            < -1000 or > 1000 => Accumulate.Fail<Seq<Step>>("process.oomScoreAdj", $"{score} is outside -1000..1000"),
            { } s => Seq1<Step>(new SetOomScoreAdj(s, "process.oomScoreAdj")),
        };

    private static readonly Map<string, ulong> Domains = Map(("LINUX", 0x0000UL), ("LINUX32", 0x0008UL));

    // The persona flags of <sys/personality.h>; the runtime-spec lists none yet, these are Linux's own.
    private static readonly Map<string, ulong> PersonaFlags = Map(
        ("UNAME26", 0x0020000UL), ("ADDR_NO_RANDOMIZE", 0x0040000UL), ("FDPIC_FUNCPTRS", 0x0080000UL),
        ("MMAP_PAGE_ZERO", 0x0100000UL), ("ADDR_COMPAT_LAYOUT", 0x0200000UL), ("READ_IMPLIES_EXEC", 0x0400000UL),
        ("ADDR_LIMIT_32BIT", 0x0800000UL), ("SHORT_INODE", 0x1000000UL), ("WHOLE_SECONDS", 0x2000000UL),
        ("STICKY_TIMEOUTS", 0x4000000UL), ("ADDR_LIMIT_3GB", 0x8000000UL));

    public static Validation<PlanError, Seq<Step>> Personality(PersonalitySpec? personality)
    {
        if (personality is null) return Seq<Step>();
        var domain = personality.Domain is null
            ? Accumulate.Fail<ulong>("linux.personality.domain", "is required (LINUX or LINUX32)")
            : Domains.Find(personality.Domain).Match(
                Some: d => Success<PlanError, ulong>(d),
                None: () => Accumulate.Fail<ulong>("linux.personality.domain", $"unknown domain \"{personality.Domain}\" (LINUX or LINUX32)"));
        var flags = Accumulate.All((personality.Flags ?? []).Select((flag, index) =>
            PersonaFlags.Find(flag ?? "").Match(
                Some: f => Success<PlanError, ulong>(f),
                None: () => Accumulate.Fail<ulong>($"linux.personality.flags[{index}]", $"unknown personality flag \"{flag}\""))));
        return Accumulate.All(new[] { domain, flags.Map(fs => fs.Fold(0UL, (a, f) => a | f)) })
            .Map(parts => Seq1<Step>(new SetPersonality(parts[0] | parts[1], $"linux.personality ({personality.Domain})")));
    }
}
