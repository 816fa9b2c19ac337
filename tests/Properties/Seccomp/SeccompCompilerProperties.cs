using FsCheck.Xunit;
using GoMini.Domain.Plan;
using GoMini.Domain.Seccomp;
using GoMini.Domain.Spec;
using Xunit;

namespace GoMini.Properties.Seccomp;

public class SeccompCompilerProperties
{
    private const string Path = "linux.seccomp";

    internal static LoadSeccompFilter Compiled(SeccompSpec spec, SeccompArch native) =>
        SeccompCompiler.Compile(spec, Path, native).Match(
            Succ: step => step,
            Fail: errors => throw new Xunit.Sdk.XunitException("did not compile: " + string.Join("; ", errors)));

    [Property(MaxTest = 100, Arbitrary = [typeof(SeccompArbitraries)])]
    public void The_program_returns_what_the_profile_says_for_every_call(SeccompCase c)
    {
        var program = BpfInstruction.Decode(Compiled(c.Spec, c.Native).Program);
        foreach (var call in c.Calls)
        {
            var expected = ReferenceSeccomp.Verdict(c.Spec, c.Native, call);
            var actual = BpfInterpreter.Run(program, call);
            Assert.True(expected == actual, $"{call}: the profile says 0x{expected:x8}, the program returns 0x{actual:x8}");
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SeccompArbitraries)])]
    public void Compiling_the_same_profile_twice_gives_the_same_program(SeccompCase c)
    {
        var first = Compiled(c.Spec, c.Native);
        var copy = c.Spec with
        {
            Syscalls = c.Spec.Syscalls!.Select(r => r with { Names = [.. r.Names!], Args = r.Args?.ToArray() }).ToArray(),
        };
        Assert.Equal(first, Compiled(copy, c.Native));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SeccompArbitraries)])]
    public void No_jump_leaves_the_program_and_its_size_is_what_the_step_says(SeccompCase c)
    {
        var step = Compiled(c.Spec, c.Native);
        var program = BpfInstruction.Decode(step.Program);
        Assert.Equal(step.Instructions, program.Length);
        Assert.InRange(program.Length, 1, BpfInstruction.MaxInstructions);
        Assert.Empty(BpfInterpreter.StaticProblems(program));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(SeccompArbitraries)])]
    public void The_step_carries_the_rule_count_the_flags_and_a_reason(SeccompCase c)
    {
        var step = Compiled(c.Spec, c.Native);
        var flags = (c.Spec.Flags ?? []).Aggregate(0u, (f, name) => f | name switch
        {
            "SECCOMP_FILTER_FLAG_TSYNC" => 1u, "SECCOMP_FILTER_FLAG_LOG" => 2u, "SECCOMP_FILTER_FLAG_SPEC_ALLOW" => 4u, _ => 0u,
        });
        Assert.Equal(c.Spec.Syscalls!.Sum(r => r.Names!.Count), step.Rules);
        Assert.Equal(flags, step.Flags);
        Assert.StartsWith($"{Path}: {step.Rules} rules ({c.Spec.Syscalls!.Count} entries), default {c.Spec.DefaultAction}", step.Reason);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(BrokenProfiles)])]
    public void A_broken_profile_reports_every_mistake_at_its_path(BrokenProfile broken)
    {
        var errors = SeccompCompiler.Compile(broken.Spec, Path, SeccompArch.X86_64).Match(
            Succ: _ => throw new Xunit.Sdk.XunitException("a broken profile compiled"),
            Fail: e => e.ToArray());
        Assert.Equal(broken.ExpectedPaths, errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors, e => Assert.StartsWith(e.Path + ": ", e.ToString()));
    }
}
