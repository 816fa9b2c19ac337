using System.Diagnostics;
using System.Text;
using GoMini.Domain.Explain;
using GoMini.Effects.Native;
using GoMini.Effects.Spawn;

namespace GoMini.Effects.Init;

/// <summary>The entry of the re-exec'd init child (`gomini init`): reads its steps, runs them, execs.</summary>
public static class InitProcess
{
    // CONTRACT (owned by the effects work). Returns only on failure, after reporting it to the parent.
    public static int Main()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("GOMINI_SYNC_FD"), out var sync))
        {
            Console.Error.WriteLine("gomini init: GOMINI_SYNC_FD is not set; `init` is started by `gomini run`, not by hand");
            return 1;
        }
        // Read and deserialize everything now: after pivot_root nothing can be loaded from the host.
        InitMessage message;
        try
        {
            Lifecycle.ExecFifo.OpenEarly();
            message = InitMessage.Read(sync);
        }
        catch (Exception e)
        {
            Report(sync, $"reading the init steps: {Reason(e)}");
            return 1;
        }

        var steps = message.Steps;
        ContainerHooks.RememberHostPid(steps); // before pivot_root: the host's /proc is still there
        var runner = new InitStepRunner(message.Rootfs, sync);
        for (var i = 0; i < steps.Length; i++)
        {
            var started = message.Verbose ? Stopwatch.GetTimestamp() : 0;
            if (message.Verbose && steps[i] is Domain.Plan.ExecProcess)
                Console.Error.WriteLine($"gomini: [init {i + 1}] {StepDescriber.Describe(steps[i]).What}");
            try
            {
                runner.Run(steps[i]);
            }
            catch (Exception e)
            {
                Report(sync, $"step {i + 1} {StepDescriber.Describe(steps[i]).What}: {Reason(e)}");
                return 1;
            }
            if (message.Verbose)
                Console.Error.WriteLine(
                    $"gomini: [init {i + 1}] {StepDescriber.Describe(steps[i]).What} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00} ms)");
        }
        Report(sync, "the init steps ended without an exec step");
        return 1;
    }

    /// <summary>A SyscallException reads `ENOENT (No such file or directory)`; other failures their message.</summary>
    private static string Reason(Exception e) => e is SyscallException s
        ? (s.Syscall is "open" or "write" ? $"{s.Syscall} {s.Path}: " : "") + Errno.Describe(s.Errno)
        : e.Message;

    /// <summary>The one line the parent prints after `gomini: `.</summary>
    private static void Report(int sync, string line)
    {
        Lifecycle.ExecFifo.ReportFailure(line); // after `start` released the init, `start` is who listens
        try { Libc.WriteAll(sync, Encoding.UTF8.GetBytes(line.ReplaceLineEndings(" ") + "\n"), "sync channel"); }
        catch (SyscallException) { Console.Error.WriteLine("gomini: " + line); }
    }
}
