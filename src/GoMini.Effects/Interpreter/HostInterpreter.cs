using GoMini.Domain.Explain;
using System.Diagnostics;
using System.Text;
using GoMini.Domain.Plan;
using GoMini.Effects.Cgroups;
using GoMini.Effects.Native;
using GoMini.Effects.Process;
using GoMini.Effects.Spawn;

namespace GoMini.Effects.Interpreter;

/// <summary>
/// The parent's interpreter: runs the host steps in plan order, one case per step. Whatever happens,
/// the end is the same: the init child (if still there) is killed and reaped, and every RemoveCgroup
/// step runs, so a failed start leaves nothing behind.
/// </summary>
public sealed class HostInterpreter(ContainerPlan plan, RunSettings settings)
{
    private InitChild? child;
    private bool reaped;
    private SignalRelay? relay;
    private int exitStatus;
    private bool succeeded;
    // Held from the first EnsureCgroup until the container's leaf cgroups exist, so that no other
    // container's delete removes a shared parent between its mkdir and ours.
    private CgroupLedger? ledger;
    // The leaves this run really made: after a failure (an existing leaf is EEXIST) only these are removed.
    private readonly HashSet<string> made = [];

    /// <summary>The init child's host pid once spawned (what `create` records), else 0.</summary>
    public int InitPid => child?.Pid ?? 0;

    /// <summary>create/exec --detach: a plan without WaitForExit leaves the child running on success.</summary>
    private bool Detached => !plan.Host.Exists(s => s is WaitForExit);

    public int Run()
    {
        var steps = plan.Host.ToArray();
        var number = 0;
        try
        {
            for (; number < steps.Length; number++)
            {
                if (steps[number] is RemoveCgroup or ReleaseCgroup)
                    continue;
                if (steps[number] is not (EnsureCgroup or CreateCgroup or WriteCgroupFile))
                    UnlockLedger();
                var started = Stopwatch.GetTimestamp();
                Apply(steps[number]);
                if (settings.Verbose)
                    Verbose(number + 1, steps[number], started);
            }
            succeeded = true;
            return exitStatus;
        }
        catch (InitFailedException e)
        {
            Console.Error.WriteLine("gomini: " + e.Message);
            return 1;
        }
        catch (Exception e)
        {
            var reason = e is SyscallException s ? $"{s.Syscall} {s.Path}: {Errno.Describe(s.Errno)}" : e.Message;
            Console.Error.WriteLine($"gomini: host step {number + 1} {StepDescriber.Describe(steps[number]).What}: {reason}");
            return 1;
        }
        finally
        {
            UnlockLedger();
            CleanUp(steps);
        }
    }

    private void Apply(Step step)
    {
        switch (step)
        {
            case EnsureCgroup s: CgroupEffects.Ensure(s.Path, s.WhenCreated, ledger ??= CgroupLedger.Lock()); break;
            case CreateCgroup s: CgroupEffects.Create(s.Path); made.Add(s.Path); break;
            case WriteCgroupFile s: CgroupEffects.Write(s.Path, s.Value); break;
            case SpawnInit s:
                child = InitSpawner.Spawn(s, settings.JoinsMountLater, settings.PreserveFds);
                // From now on a signal to gomini goes to the container, never ends gomini before its cleanup.
                relay = new SignalRelay(child.Pid);
                break;
            case JoinCgroup s: CgroupEffects.Join(s.Path, Child.Pid); break;
            case RunHook s: LifecycleHooks.Run(s, plan.ContainerId, plan.Bundle, child?.Pid ?? 0); break;
            case ReleaseInit: Release(); break;
            case WaitForExit: Wait(); break;
            default: throw new NotSupportedException($"the parent cannot run a {step.GetType().Name} step");
        }
    }

    private void UnlockLedger()
    {
        ledger?.Dispose();
        ledger = null;
    }

    private InitChild Child => child ?? throw new InvalidOperationException("the plan uses the init child before SpawnInit");

    /// <summary>Sends the init steps; EOF means the child exec'd, a line means it failed.</summary>
    private void Release()
    {
        var message = new InitMessage(settings.Verbose, plan.Rootfs, plan.Init.ToArray()).Encode();
        try { Libc.WriteAll(Child.SyncFd, message, "sync channel"); }
        catch (SyscallException e) when (e.Errno == Libc.EPIPE) { /* the child died: its answer (or EOF) says why */ }
        var answer = ReadAnswer(Child.SyncFd);
        Libc.close(Child.SyncFd);
        child = Child with { SyncFd = -1 };
        if (answer.Length > 0)
            throw new InitFailedException(answer);
        relay?.Arm(Child.Pid);
        settings.Started?.Invoke(Child.Pid);
    }

    private static string ReadAnswer(int fd)
    {
        var buffer = new byte[4096];
        var length = Libc.ReadFull(fd, buffer, "sync channel");
        return Encoding.UTF8.GetString(buffer, 0, length).TrimEnd('\n');
    }

    private void Wait()
    {
        var status = Libc.WaitFor(Child.Pid);
        reaped = true;
        relay?.Dispose();
        relay = null;
        exitStatus = Libc.ExitStatus(status);
        if (CgroupEffects.WasOomKilled(CreatedCgroups()))
            Console.Error.WriteLine("gomini: container was OOM-killed (memory limit reached)");
    }

    private IEnumerable<string> CreatedCgroups()
    {
        foreach (var step in plan.Host)
            if (step is CreateCgroup c)
                yield return c.Path;
    }

    private void CleanUp(Step[] steps)
    {
        if (Detached)
        {
            relay?.Dispose();
            if (succeeded) return;
            RemoveCreatedCgroupsAfterFailure();
            return;
        }
        if (child != null && !reaped)
        {
            Libc.kill(child.Pid, Libc.SIGKILL);
            try { Libc.WaitFor(child.Pid); }
            catch (SyscallException) { /* already reaped elsewhere: nothing left to wait for */ }
        }
        if (child is { SyncFd: >= 0 })
            Libc.close(child.SyncFd);
        relay?.Dispose();
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] is not (RemoveCgroup or ReleaseCgroup) || steps[i] is RemoveCgroup r && !made.Contains(r.Path))
                continue;
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (steps[i] is RemoveCgroup remove) CgroupEffects.Remove(remove.Path);
                else CgroupEffects.Release(((ReleaseCgroup)steps[i]).Path);
            }
            catch (Exception e) { Console.Error.WriteLine($"gomini: host step {i + 1} {StepDescriber.Describe(steps[i]).What}: {e.Message}"); }
            if (settings.Verbose)
                Verbose(i + 1, steps[i], started);
        }
    }

    /// <summary>A failed create leaves nothing: the child is killed and reaped, its cgroups removed, deepest first.</summary>
    private void RemoveCreatedCgroupsAfterFailure()
    {
        if (child != null)
        {
            Libc.kill(child.Pid, Libc.SIGKILL);
            try { Libc.WaitFor(child.Pid); }
            catch (SyscallException) { /* already reaped */ }
            if (child.SyncFd >= 0) Libc.close(child.SyncFd);
        }
        // Setup order reversed: in each hierarchy the leaf first, then its parents (if gomini made them and they are empty).
        foreach (var step in plan.Host.Reverse())
        {
            try
            {
                if (step is CreateCgroup c && made.Contains(c.Path)) CgroupEffects.Remove(c.Path);
                else if (step is EnsureCgroup e) CgroupEffects.Release(e.Path);
            }
            catch (Exception e) { Console.Error.WriteLine($"gomini: removing cgroup {StepDescriber.Describe(step).What}: {e.Message}"); }
        }
    }

    private static void Verbose(int number, Step step, long started) =>
        Console.Error.WriteLine(
            $"gomini: [host {number}] {StepDescriber.Describe(step).What} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00} ms)");
}

/// <summary>The init child's one-line report of the step that failed.</summary>
public sealed class InitFailedException(string line) : Exception(line);
