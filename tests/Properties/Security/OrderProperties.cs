using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using LanguageExt;
using static GoMini.Properties.Security.SecurityGen;

namespace GoMini.Properties.Security;

public class OrderProperties
{
    private static int Rank(Step step) =>
        step switch
        {
            WriteSysctl => 0, RemountReadonly => 1, MaskPath => 2,
            SetRlimit => 10, SetOomScoreAdj => 11, SetPersonality => 12, SetNoNewPrivileges => 13,
            KeepCapabilities => 14, DropBoundingCapabilities => 15, LoadSeccompFilter => 16,
            SetCapabilities => 20, RaiseAmbientCapabilities => 21,
            _ => 99,
        };

    private static bool Ordered(Seq<Step> steps) => steps.Map(Rank).Zip(steps.Map(Rank).Skip(1)).ForAll(p => p.Item1 <= p.Item2);

    [Property(MaxTest = 100)]
    public Property Each_group_follows_runcs_order() =>
        Prop.ForAll(ValidSpec.ToArbitrary(), spec =>
        {
            var plan = Ok(spec);
            return Ordered(plan.AfterPivot) && plan.AfterPivot.ForAll(s => Rank(s) < 10)
                && Ordered(plan.BeforeUserChange) && plan.BeforeUserChange.ForAll(s => Rank(s) is >= 10 and < 20)
                && Ordered(plan.AfterUserChange) && plan.AfterUserChange.ForAll(s => Rank(s) is >= 20 and < 30)
                && plan.LastBeforeExec.ForAll(s => s is LoadSeccompFilter);
        });

    [Property(MaxTest = 100)]
    public Property Seccomp_is_last_when_it_can_load_there_and_otherwise_last_before_the_user_change() =>
        Prop.ForAll(ValidSpec.ToArbitrary(), spec =>
        {
            var plan = Ok(spec);
            var filters = plan.AfterPivot.Concat(plan.BeforeUserChange).Concat(plan.AfterUserChange).Concat(plan.LastBeforeExec)
                .OfType<LoadSeccompFilter>().Count();
            if (spec.Linux!.Seccomp is null) return filters == 0;
            var late = spec.Process!.NoNewPrivileges == true || (spec.Process.Capabilities?.Effective?.Contains("CAP_SYS_ADMIN") ?? false);
            return filters == 1 && (late
                ? plan.LastBeforeExec.Count == 1 && plan.LastBeforeExec[0] is LoadSeccompFilter
                : plan.LastBeforeExec.IsEmpty && plan.BeforeUserChange.Last is LoadSeccompFilter);
        });

    /// <summary>
    /// The proof of the seccomp placement: the init child's whole sequence (with the lead's
    /// SetGroups/SetUser between the groups) is run on a model of the kernel's credential rules,
    /// and at the filter the kernel's condition — no_new_privs, or CAP_SYS_ADMIN effective — holds.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property The_seccomp_filter_always_loads_where_the_kernel_allows_it() =>
        Prop.ForAll(ValidSpec.ToArbitrary(), spec =>
        {
            var plan = Ok(spec);
            var uid = spec.Process!.User!.Uid!.Value;
            var sequence = plan.BeforeUserChange
                + Prelude.Seq<Step>(new SetGroups(Prelude.Seq<uint>(), "lead"), new SetUser(uid, uid, "lead"))
                + plan.AfterUserChange
                + Prelude.Seq<Step>(new SetUmask(18, "lead"), new ChangeDirectory("/", "lead"))
                + plan.LastBeforeExec;
            var noNewPrivs = false;
            var effective = Capabilities.All.ToHashSet(); // the init child starts as root with every capability
            var loadable = true;
            foreach (var step in sequence)
            {
                switch (step)
                {
                    case SetNoNewPrivileges: noNewPrivs = true; break;
                    case SetUser u when u.Uid != 0: effective.Clear(); break; // setresuid away from 0 clears the effective set
                    case SetCapabilities c: effective = c.Effective.ToHashSet(); break;
                    case LoadSeccompFilter: loadable &= noNewPrivs || effective.Contains("CAP_SYS_ADMIN"); break;
                }
            }
            return loadable;
        });

    [Property(MaxTest = 100)]
    public Property A_seccomp_compile_error_is_reported_with_every_other_error() =>
        Prop.ForAll(Gen.Elements("CAP_FOO", "CAP_BAR").ToArbitrary(), bogus =>
        {
            var spec = WithCaps(new GoMini.Domain.Spec.CapabilitiesSpec { Bounding = [bogus] }) with
            {
                Linux = new GoMini.Domain.Spec.LinuxSpec { Seccomp = new GoMini.Domain.Spec.SeccompSpec() },
            };
            var errors = SecurityPlanner.Plan(spec, Facts, Prelude.None, (_, path) => new PlanError(path, "bad profile"))
                .Match(_ => Seq<PlanError>.Empty, es => es);
            return errors.Exists(e => e.Path == "linux.seccomp") && errors.Exists(e => e.Path == "process.capabilities.bounding[0]");
        });
}
