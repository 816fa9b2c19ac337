using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using static GoMini.Properties.Security.SecurityGen;

namespace GoMini.Properties.Security;

public class LimitsProperties
{
    private static RuntimeSpec WithRlimits(RlimitSpec[] rlimits) =>
        new() { Process = new ProcessSpec { Args = ["/bin/sh"], Rlimits = rlimits } };

    private static Gen<RlimitSpec[]> DistinctValidRlimits =>
        from names in Gen.Shuffle(Rlimits.Names.ToArray())
        from n in Gen.Choose(0, names.Length)
        from limits in Gen.ArrayOf(Gen.Choose(0, 1 << 20).Two(), n)
        select names.Take(n).Zip(limits, (name, l) => new RlimitSpec
        {
            Type = name, Soft = (ulong)Math.Min(l.Item1, l.Item2), Hard = (ulong)Math.Max(l.Item1, l.Item2),
        }).ToArray();

    [Property(MaxTest = 100)]
    public Property Rlimit_steps_are_one_per_config_rlimit_in_order() =>
        Prop.ForAll(DistinctValidRlimits.ToArbitrary(), rlimits =>
        {
            var steps = Ok(WithRlimits(rlimits)).BeforeUserChange.OfType<SetRlimit>().ToList();
            return steps.Select(s => (s.Resource, s.Soft, s.Hard))
                .SequenceEqual(rlimits.Select(r => (r.Type!, r.Soft!.Value, r.Hard!.Value)))
                && steps.Select((s, i) => s.Reason.StartsWith($"process.rlimits[{i}]")).All(x => x);
        });

    [Property(MaxTest = 100)]
    public Property A_soft_limit_above_the_hard_one_is_an_error_at_its_path() =>
        Prop.ForAll(Gen.Elements(Rlimits.Names.ToArray()).Zip(Gen.Choose(0, 1000).Two()).ToArbitrary(), t =>
        {
            var (name, (soft, hard)) = t;
            var errors = Errors(WithRlimits([new RlimitSpec { Type = name, Soft = (ulong)soft, Hard = (ulong)hard }]));
            return soft > hard
                ? errors.Count == 1 && errors[0].Path == "process.rlimits[0].soft"
                : errors.IsEmpty;
        });

    [Property(MaxTest = 100)]
    public Property An_unknown_rlimit_type_is_an_error_naming_it_with_its_path() =>
        Prop.ForAll(DistinctValidRlimits.Zip(Gen.Elements("RLIMIT_FOO", "NOFILE", "rlimit_bogus", "RLIMIT_")).Zip(Gen.Choose(0, 20)).ToArbitrary(), t =>
        {
            var ((valid, bogus), at) = t;
            var position = Math.Min(at, valid.Length);
            var rlimits = valid.Take(position).Append(new RlimitSpec { Type = bogus, Soft = 1, Hard = 1 }).Concat(valid.Skip(position)).ToArray();
            var errors = Errors(WithRlimits(rlimits));
            return errors.Count == 1 && errors[0].Path == $"process.rlimits[{position}].type" && errors[0].Message.Contains($"\"{bogus}\"");
        });

    [Property(MaxTest = 100)]
    public Property An_oom_score_adj_is_accepted_iff_it_is_within_minus_1000_and_1000() =>
        Prop.ForAll(Gen.Choose(-3000, 3000).ToArbitrary(), score =>
        {
            var result = Plan(new RuntimeSpec { Process = new ProcessSpec { Args = ["/bin/sh"], OomScoreAdj = score } });
            return result.Match(
                plan => score is >= -1000 and <= 1000 && plan.BeforeUserChange.OfType<SetOomScoreAdj>().Single().Score == score,
                errors => score is < -1000 or > 1000 && errors.Single().Path == "process.oomScoreAdj");
        });

    [Property(MaxTest = 100)]
    public Property A_personality_domain_maps_to_its_persona_and_unknown_ones_are_errors() =>
        Prop.ForAll(Gen.Elements("LINUX", "LINUX32", "linux", "BSD", "").Zip(Gen.SubListOf(new[] { "ADDR_NO_RANDOMIZE", "UNAME26", "NOPE" })).ToArbitrary(), t =>
        {
            var (domain, flags) = t;
            var spec = new RuntimeSpec
            {
                Process = new ProcessSpec { Args = ["/bin/sh"] },
                Linux = new LinuxSpec { Personality = new PersonalitySpec { Domain = domain, Flags = flags.ToArray() } },
            };
            ulong expectedFlags = (flags.Contains("ADDR_NO_RANDOMIZE") ? 0x0040000UL : 0) | (flags.Contains("UNAME26") ? 0x0020000UL : 0);
            var valid = domain is "LINUX" or "LINUX32" && !flags.Contains("NOPE");
            return Plan(spec).Match(
                plan => valid && plan.BeforeUserChange.OfType<SetPersonality>().Single().Persona == ((domain == "LINUX32" ? 8UL : 0UL) | expectedFlags),
                errors => !valid);
        });
}
