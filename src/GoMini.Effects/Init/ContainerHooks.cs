using GoMini.Domain.Plan;
using GoMini.Effects.Process;

namespace GoMini.Effects.Init;

/// <summary>
/// The init child's side of the createContainer and startContainer hooks: it runs them itself, so they
/// start in the container's namespaces and cgroups, and (startContainer, after pivot_root) find their
/// path in the container's root. Their state JSON carries the init's pid as the host sees it.
/// </summary>
public static class ContainerHooks
{
    private static int hostPid;

    /// <summary>
    /// Reads the init's pid in gomini's pid namespace (the first NSpid of /proc/self/status) while /proc is
    /// still the host's; after pivot_root /proc is the container's, where the init is pid 1.
    /// </summary>
    public static void RememberHostPid(IEnumerable<Step> steps)
    {
        if (!steps.Any(s => s is RunContainerHook)) return;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("NSpid:", StringComparison.Ordinal)) continue;
            var pids = line[6..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (pids.Length > 0 && int.TryParse(pids[0], out var pid)) hostPid = pid;
            return;
        }
    }

    /// <summary>Runs the hook with its timeout; a failure throws, which fails the init step and so create or start.</summary>
    public static void Run(RunContainerHook s) =>
        HookRunner.Run(new RunHook(s.Point, s.Path, s.Args, s.Env, s.TimeoutSeconds, s.Reason) { Annotations = s.Annotations }, s.ContainerId, s.Bundle,
            hostPid > 0 ? hostPid : Environment.ProcessId);
}
