using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Process;

/// <summary>Runs one OCI hook: posix_spawn with the container state JSON on stdin, within its timeout.</summary>
public static unsafe class HookRunner
{
    public static void Run(RunHook hook, string containerId, string bundle, int pid)
    {
        var state = State(hook, containerId, bundle, pid);
        int* pipe = stackalloc int[2];
        Libc.Check(Libc.pipe2(pipe, Libc.O_CLOEXEC), "pipe2", hook.Path);
        int hookPid;
        var actions = stackalloc byte[256];
        Libc.posix_spawn_file_actions_init(actions);
        try
        {
            Libc.posix_spawn_file_actions_adddup2(actions, pipe[0], 0);
            using var argv = new NativeStrings(hook.Args.IsEmpty ? [hook.Path] : hook.Args.ToArray());
            using var envp = new NativeStrings(hook.Env.ToArray());
            using var path = new NativeStrings([hook.Path]);
            var error = Libc.posix_spawn(&hookPid, path[0], actions, null, argv.Pointer, envp.Pointer);
            if (error != 0)
                throw new SyscallException("posix_spawn", hook.Path, error);
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.close(pipe[0]);
        }
        try { Libc.WriteAll(pipe[1], state, "hook stdin"); }
        catch (SyscallException e) when (e.Errno == Libc.EPIPE) { /* the hook need not read its stdin */ }
        finally { Libc.close(pipe[1]); }

        var status = Wait(hookPid, hook.TimeoutSeconds);
        if (status is null)
            throw new TimeoutException($"{Domain.Lifecycle.HookPlanner.SpecName(hook.Point)} hook {hook.Path} did not finish within {hook.TimeoutSeconds} s; killed");
        if (status != 0)
            throw new InvalidOperationException($"{Domain.Lifecycle.HookPlanner.SpecName(hook.Point)} hook {hook.Path} failed with exit status {Libc.ExitStatus(status.Value)}");
    }

    /// <summary>The raw wait status, or null when the hook ran out of time (it is then killed and reaped).</summary>
    private static int? Wait(int pid, int? timeoutSeconds)
    {
        if (timeoutSeconds is not { } seconds)
            return Libc.WaitFor(pid);
        var deadline = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        int status;
        while (true)
        {
            var result = Libc.waitpid(pid, &status, Libc.WNOHANG);
            if (result == pid)
                return status;
            if (result < 0 && Marshal.GetLastPInvokeError() != Libc.EINTR)
                throw new SyscallException("waitpid", pid.ToString(), Marshal.GetLastPInvokeError());
            if (Stopwatch.GetTimestamp() > deadline)
            {
                Libc.kill(pid, Libc.SIGKILL);
                Libc.WaitFor(pid);
                return null;
            }
            Thread.Sleep(2);
        }
    }

    private static byte[] State(RunHook hook, string id, string bundle, int pid)
    {
        var status = hook.Point switch
        {
            HookPoint.Prestart or HookPoint.CreateRuntime or HookPoint.CreateContainer => "creating",
            HookPoint.StartContainer => "created",
            HookPoint.Poststart => "running",
            _ => "stopped",
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ociVersion", "1.0.2");
            json.WriteString("id", id);
            json.WriteString("status", status);
            if (pid > 0) json.WriteNumber("pid", pid);
            json.WriteString("bundle", bundle);
            if (!hook.Annotations.IsEmpty)
            {
                json.WriteStartObject("annotations");
                foreach (var annotation in hook.Annotations)
                    json.WriteString(annotation.Key, annotation.Value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

}
