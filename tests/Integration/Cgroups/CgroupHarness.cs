using System.Diagnostics;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Host;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using GoMini.Effects.Cgroups;
using LanguageExt;

namespace GoMini.Integration.Cgroups;

/// <summary>
/// Runs a cgroup plan's steps with the real effects, the way the interpreter does, around a
/// process the test starts itself (until `gomini run` exists, a shell stands in for the container).
/// </summary>
internal sealed class CgroupHarness : IDisposable
{
    public CgroupPlan Plan { get; }
    public Process? Process { get; private set; }

    public CgroupHarness(RunOptions options, CgroupFacts? facts = null, RuntimeSpec? spec = null)
    {
        var host = new HostFacts(0, "/tmp", true, facts ?? CgroupFactsReader.Read());
        var plan = CgroupPlanner.Plan(spec ?? new RuntimeSpec(), options with { ContainerId = options.ContainerId }, host);
        Plan = plan.Match(p => p, errors => throw new InvalidOperationException(string.Join("; ", errors)));
    }

    public static RunOptions Options() => new() { ContainerId = "gomini-test-" + Guid.NewGuid().ToString("N")[..8] };

    /// <summary>Every directory the plan makes, parents (created if missing) and leaves, in setup order.</summary>
    public Seq<string> Created => Plan.Setup.Choose(s => s switch
    {
        CreateCgroup c => Prelude.Some(c.Path),
        EnsureCgroup e => Prelude.Some(e.Path),
        _ => Option<string>.None,
    });

    /// <summary>The leaf directories (the ones joined).</summary>
    public Seq<string> Leaves => Plan.Join.Map(s => ((JoinCgroup)s).Path);

    public string LeafWith(string file) => Leaves.Find(l => File.Exists(Path.Combine(l, file))).IfNone(() => throw new InvalidOperationException($"no leaf has {file}"));

    public void Setup() { foreach (var s in Plan.Setup) Execute(s); }

    /// <summary>Starts `sh -c script` held at a `read` until the cgroups are joined, then lets it go.</summary>
    public Process StartJoined(string script)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", "read go; " + script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        Process = System.Diagnostics.Process.Start(psi)!;
        foreach (var s in Plan.Join) CgroupEffects.Join(((JoinCgroup)s).Path, Process.Id);
        Process.StandardInput.WriteLine("go");
        Process.StandardInput.Flush();
        return Process;
    }

    public void Cleanup() { foreach (var s in Plan.Cleanup) Execute(s); }

    private static void Execute(Step step)
    {
        switch (step)
        {
            case EnsureCgroup e:
                using (var ledger = CgroupLedger.Lock()) CgroupEffects.Ensure(e.Path, e.WhenCreated, ledger);
                break;
            case CreateCgroup c: CgroupEffects.Create(c.Path); break;
            case ReleaseCgroup r: CgroupEffects.Release(r.Path); break;
            case WriteCgroupFile w: CgroupEffects.Write(w.Path, w.Value); break;
            case RemoveCgroup r: CgroupEffects.Remove(r.Path); break;
            default: throw new InvalidOperationException($"not a setup/cleanup step: {step}");
        }
    }

    public void Dispose()
    {
        Cleanup();
        if (Process is { HasExited: false }) Process.Kill(true);
        Process?.Dispose();
    }
}
