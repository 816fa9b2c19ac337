using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static GoMini.Properties.Security.SecurityGen;

namespace GoMini.Properties.Security;

public class CapabilityProperties
{
    [Property(MaxTest = 100)]
    public Property The_bounding_drop_set_is_exactly_all_capabilities_minus_bounding() =>
        Prop.ForAll(ValidCaps.ToArbitrary(), caps =>
        {
            var plan = Ok(WithCaps(caps));
            var dropped = plan.BeforeUserChange.OfType<DropBoundingCapabilities>().SelectMany(s => s.Drop).ToList();
            var expected = AllCaps.Except(caps.Bounding!).ToList();
            return dropped.SequenceEqual(expected) && dropped.Intersect(caps.Bounding!).Count() == 0;
        });

    [Property(MaxTest = 100)]
    public Property Every_unknown_capability_name_is_reported_with_its_path()
    {
        var name = Gen.OneOf(Gen.Elements(AllCaps), Gen.Elements("CAP_FOO", "NET_RAW", "CAP_", "cap_bogus", "", "CAP_SYS_ADMIN2"));
        var sets = Gen.ArrayOf(name).Two().Two().Zip(Gen.ArrayOf(name));
        return Prop.ForAll(sets.ToArbitrary(), t =>
        {
            var (((b, e), (p, i)), a) = t;
            var caps = new CapabilitiesSpec { Bounding = b, Effective = e, Permitted = p, Inheritable = i, Ambient = a };
            var expected = new[] { ("bounding", b), ("effective", e), ("permitted", p), ("inheritable", i), ("ambient", a) }
                .SelectMany(set => set.Item2.Select((n, idx) => (n, path: $"process.capabilities.{set.Item1}[{idx}]")))
                .Where(x => !AllCaps.Contains(x.n.ToUpperInvariant()))
                .Select(x => new PlanError(x.path, $"unknown capability \"{x.n}\""))
                .ToList();
            var unknownErrors = Errors(WithCaps(caps)).Where(err => err.Message.StartsWith("unknown capability")).ToList();
            return unknownErrors.SequenceEqual(expected);
        });
    }

    [Property(MaxTest = 100)]
    public Property A_capability_outside_the_hosts_bounding_set_is_reported_with_its_path() =>
        Prop.ForAll(ValidCaps.ToArbitrary(), caps =>
        {
            // This machine's root lacks CAP_SYS_RESOURCE.
            var host = LanguageExt.Prelude.toSeq(AllCaps.Where(c => c != "CAP_SYS_RESOURCE"));
            var errors = GoMini.Domain.Security.SecurityPlanner.Plan(WithCaps(caps), Facts, host, FakeCompile)
                .Match(_ => Seq<PlanError>.Empty, es => es);
            var expected = new[] { ("bounding", caps.Bounding!), ("effective", caps.Effective!), ("permitted", caps.Permitted!),
                    ("inheritable", caps.Inheritable!), ("ambient", caps.Ambient!) }
                .SelectMany(set => set.Item2.Select((n, idx) => (n, path: $"process.capabilities.{set.Item1}[{idx}]")))
                .Where(x => x.n == "CAP_SYS_RESOURCE")
                .Select(x => x.path).ToList();
            return errors.Select(e => e.Path).SequenceEqual(expected)
                && errors.ForAll(e => e.Message.StartsWith("CAP_SYS_RESOURCE is not in gomini's own bounding set on this host"));
        });

    [Property(MaxTest = 100)]
    public Property Keep_caps_is_set_iff_the_uid_changes_and_some_capability_must_survive_it() =>
        Prop.ForAll(ValidSpec.ToArbitrary(), spec =>
        {
            var plan = Ok(spec);
            var c = spec.Process!.Capabilities;
            var needed = c is not null && new[] { c.Permitted, c.Effective, c.Inheritable, c.Ambient }.Any(s => s!.Count > 0);
            var expected = spec.Process.User!.Uid != 0 && needed;
            return plan.BeforeUserChange.OfType<KeepCapabilities>().Count() == (expected ? 1 : 0);
        });

    [Property(MaxTest = 100)]
    public Property Capset_carries_the_configured_sets_and_ambient_is_raised_last() =>
        Prop.ForAll(ValidCaps.ToArbitrary(), caps =>
        {
            var after = Ok(WithCaps(caps)).AfterUserChange;
            var set = (SetCapabilities)after[0];
            var ambientOk = caps.Ambient!.Count == 0
                ? after.Count == 1
                : after.Count == 2 && ((RaiseAmbientCapabilities)after[1]).Ambient.SequenceEqual(caps.Ambient.Distinct());
            return set.Effective.SequenceEqual(caps.Effective!.Distinct()) && set.Permitted.SequenceEqual(caps.Permitted!.Distinct())
                && set.Inheritable.SequenceEqual(caps.Inheritable!.Distinct()) && ambientOk;
        });

    [Property(MaxTest = 100)]
    public Property An_effective_capability_that_is_not_permitted_is_refused_like_the_kernel_would() =>
        Prop.ForAll(Gen.Elements(AllCaps).Zip(CapSubset).ToArbitrary(), t =>
        {
            var (cap, permitted) = t;
            var caps = new CapabilitiesSpec { Bounding = AllCaps, Permitted = permitted, Effective = [cap] };
            var errors = Errors(WithCaps(caps));
            return permitted.Contains(cap)
                ? errors.IsEmpty
                : errors.Exists(e => e.Path == "process.capabilities.effective[0]" && e.Message.Contains("not in process.capabilities.permitted"));
        });

    [Property(MaxTest = 100)]
    public Property An_ambient_capability_is_raised_iff_it_is_permitted_and_inheritable_like_runc_ends_up() =>
        Prop.ForAll(Gen.Elements(AllCaps).Zip(CapSubset.Two()).ToArbitrary(), t =>
        {
            var (cap, (permitted, inheritable)) = t;
            var caps = new CapabilitiesSpec { Bounding = AllCaps, Permitted = permitted, Inheritable = inheritable, Ambient = [cap] };
            var raised = Ok(WithCaps(caps)).AfterUserChange.OfType<RaiseAmbientCapabilities>().SelectMany(r => r.Ambient).ToList();
            return raised.SequenceEqual(permitted.Contains(cap) && inheritable.Contains(cap) ? [cap] : []);
        });

    [Property(MaxTest = 100)]
    public Property Capability_names_are_case_insensitive_and_planned_in_canonical_spelling() =>
        Prop.ForAll(CapSubset.ToArbitrary(), names =>
        {
            var lower = names.Select(n => n.ToLowerInvariant()).ToArray();
            var set = (SetCapabilities)Ok(WithCaps(new CapabilitiesSpec { Bounding = lower, Permitted = lower, Effective = lower })).AfterUserChange[0];
            return set.Effective.SequenceEqual(names);
        });
}
