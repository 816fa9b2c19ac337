using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Seccomp;
using Xunit;
using Xunit.Abstractions;

namespace GoMini.Properties.Seccomp;

public class PodmanProfileProperties(ITestOutputHelper output)
{
    [Fact]
    public void Podmans_default_profile_compiles_within_the_kernels_limit()
    {
        var step = SeccompCompilerProperties.Compiled(PodmanProfile.Default, SeccompArch.X86_64);
        var program = BpfInstruction.Decode(step.Program);
        output.WriteLine(step.Reason);
        Assert.True(step.Rules > 300, $"only {step.Rules} rules");
        Assert.InRange(program.Length, 1, BpfInstruction.MaxInstructions);
        Assert.Empty(BpfInterpreter.StaticProblems(program));
    }

    [Fact]
    public void Under_podmans_profile_read_is_allowed_and_a_blocked_call_returns_its_errno()
    {
        var program = BpfInstruction.Decode(SeccompCompilerProperties.Compiled(PodmanProfile.Default, SeccompArch.X86_64).Program);
        var args = new ulong[6];
        Assert.Equal(SeccompActions.Allow, BpfInterpreter.Run(program, new SeccompData(0, 0xC000003E, 0, args)));   // read
        Assert.Equal(SeccompActions.Allow, BpfInterpreter.Run(program, new SeccompData(3, 0x40000003, 0, args)));   // i386 read
        Assert.Equal(SeccompActions.Errno | 1, BpfInterpreter.Run(program, new SeccompData(246, 0xC000003E, 0, args))); // kexec_load: EPERM
        Assert.Equal(SeccompActions.Errno | 38, BpfInterpreter.Run(program, new SeccompData(9999, 0xC000003E, 0, args))); // unknown: ENOSYS
        Assert.Equal(SeccompActions.KillProcess, BpfInterpreter.Run(program, new SeccompData(0, 0xC00000B7, 0, args))); // not admitted
    }

    public static Arbitrary<SeccompData> Calls() => SeccompGenerators.CallFor(PodmanProfile.Default).ToArbitrary();

    [Property(MaxTest = 300, Arbitrary = [typeof(PodmanProfileProperties)])]
    public void Under_podmans_profile_the_program_returns_what_the_profile_says(SeccompData call)
    {
        var program = Program.Value;
        Assert.Equal(ReferenceSeccomp.Verdict(PodmanProfile.Default, SeccompArch.X86_64, call), BpfInterpreter.Run(program, call));
    }

    private static readonly Lazy<BpfInstruction[]> Program = new(() =>
        BpfInstruction.Decode(SeccompCompilerProperties.Compiled(PodmanProfile.Default, SeccompArch.X86_64).Program));
}
