using System.CommandLine;
using System.Text.Json;
using GoMini.App.Cli;
using GoMini.Domain.Cgroups;
using GoMini.Domain.Lifecycle;
using GoMini.Domain.Options;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using GoMini.Effects.Cgroups;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.Native;
using GoMini.Effects.State;
using HashMap = LanguageExt.HashMap<string, string>;
using Errors = LanguageExt.Seq<GoMini.Domain.Plan.PlanError>;

namespace GoMini.App.Commands;

/// <summary>
/// `gomini update ID`: new resource limits for a created, running or paused container, with runc's
/// flags; -r/--resources FILE (or - for stdin) gives a runtime-spec LinuxResources object, and the
/// flags override its fields. The values are the ones create would write, into the container's own cgroups.
/// </summary>
public static class UpdateCommand
{
    private static readonly (string Flag, string Field, string Help, bool Size)[] Flags =
    [
        ("--memory", "memory.limit", "memory limit in bytes (or 64m, 1g)", true),
        ("--memory-reservation", "memory.reservation", "memory soft limit in bytes (or 64m, 1g)", true),
        ("--memory-swap", "memory.swap", "memory plus swap limit in bytes (or 64m, 1g; -1 for no limit)", true),
        ("--cpu-quota", "cpu.quota", "CPU time in µs per period (-1 for no limit)", false),
        ("--cpu-period", "cpu.period", "the CPU period in µs", false),
        ("--cpu-share", "cpu.shares", "CPU shares (relative weight)", false),
        ("--cpuset-cpus", "cpu.cpus", "CPUs allowed, such as 0-3,5", false),
        ("--cpuset-mems", "cpu.mems", "memory nodes allowed, such as 0-1", false),
        ("--pids-limit", "pids.limit", "maximum number of tasks", false),
    ];

    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var resources = new Option<string?>("--resources", "-r") { Description = "a LinuxResources JSON file of the runtime spec, or - for stdin" };
        var command = new Command("update", "update the resource limits of a container");
        command.Arguments.Add(id);
        command.Options.Add(resources);
        var options = Flags.Select(f =>
        {
            // runc spells it --cpu-share; docker and the issue say --cpu-shares: take both.
            var o = f.Flag == "--cpu-share" ? new Option<string?>(f.Flag, "--cpu-shares") : new Option<string?>(f.Flag);
            o.Description = f.Help;
            command.Options.Add(o);
            return o;
        }).ToArray();
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var given = Flags.Zip(options).Where(p => result.GetValue(p.Item2) is not null)
                .Select(p => (p.Item1.Flag, p.Item1.Field, p.Item1.Size, Value: result.GetValue(p.Item2)!)).ToArray();
            var request = Request(result.GetValue(resources), given);
            var (container, state, status) = Operations.Open(GlobalFlags.Store(result), result.GetValue(id)!);
            using (container)
            {
                Operations.Require(status, Operation.Update, state.Id);
                var writes = CgroupUpdate.Plan(request, CgroupFactsReader.Read(), LanguageExt.Prelude.toSeq(state.Cgroups)).Match(
                    Succ: w => w, Fail: errors => throw Problem(errors));
                Apply(writes.ToArray());
            }
        }));
        return command;
    }

    /// <summary>The -r object with the flags laid over it; each flag's field remembers the flag for errors.</summary>
    private static ResourceRequest Request(string? file, (string Flag, string Field, bool Size, string Value)[] given)
    {
        var r = file is null ? new ResourcesSpec() : ReadResources(file);
        var flags = HashMap.Empty;
        var errors = new List<PlanError>();
        foreach (var (flag, field, size, value) in given)
        {
            flags = flags.AddOrUpdate(field, flag);
            long? number = size ? (value.Trim() == "-1" ? -1 : SizeParser.Parse(value) is var parsed && parsed.IsSome ? parsed.IfNone(0) : null)
                : long.TryParse(value, out var n) ? n : null;
            if (number is null && field is not ("cpu.cpus" or "cpu.mems"))
            {
                errors.Add(new PlanError(flag, size ? $"must be a size such as 64m or 1g, not \"{value}\"" : $"must be a whole number, not \"{value}\""));
                continue;
            }
            if (field is "cpu.period" or "cpu.shares" && number < 0)
            {
                errors.Add(new PlanError(flag, $"must be a positive whole number, not \"{value}\""));
                continue;
            }
            var mem = r.Memory ?? new MemorySpec();
            var cpu = r.Cpu ?? new CpuSpec();
            r = field switch
            {
                "memory.limit" => r with { Memory = mem with { Limit = number } },
                "memory.reservation" => r with { Memory = mem with { Reservation = number } },
                "memory.swap" => r with { Memory = mem with { Swap = number } },
                "cpu.quota" => r with { Cpu = cpu with { Quota = number } },
                "cpu.period" => r with { Cpu = cpu with { Period = (ulong?)number } },
                "cpu.shares" => r with { Cpu = cpu with { Shares = (ulong?)number } },
                "cpu.cpus" => r with { Cpu = cpu with { Cpus = value } },
                "cpu.mems" => r with { Cpu = cpu with { Mems = value } },
                _ => r with { Pids = new PidsSpec { Limit = number } },
            };
        }
        if (errors.Count > 0) throw Problem(LanguageExt.Prelude.toSeq(errors));
        return new ResourceRequest(r, flags, LanguageExt.Seq<DeviceSpec>.Empty);
    }

    private static ResourcesSpec ReadResources(string file)
    {
        string json;
        try { json = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file); }
        catch (IOException e) { throw new LifecycleException($"--resources: cannot read {file}: {e.Message}"); }
        try
        {
            return JsonSerializer.Deserialize(json, SpecJsonContext.Default.ResourcesSpec)
                ?? throw new LifecycleException($"--resources: {file} holds null, not a LinuxResources object");
        }
        catch (JsonException e) { throw new LifecycleException($"--resources: {file} is not a LinuxResources object: {e.Message}"); }
    }

    /// <summary>
    /// Writes in plan order. v1 wants memory+swap >= memory at every moment, so when raising the
    /// memory limit above the current memsw limit fails, the memsw write goes first (as runc does).
    /// </summary>
    private static void Apply(WriteCgroupFile[] writes)
    {
        var done = new System.Collections.Generic.HashSet<int>();
        for (var i = 0; i < writes.Length; i++)
        {
            if (done.Contains(i)) continue;
            try { Write(writes[i]); }
            catch (LifecycleException) when (writes[i].Path.EndsWith("/memory.limit_in_bytes", StringComparison.Ordinal)
                && Array.FindIndex(writes, i + 1, w => w.Path == writes[i].Path.Replace("memory.limit_in_bytes", "memory.memsw.limit_in_bytes")) is var swap and > 0)
            {
                Write(writes[swap]);
                done.Add(swap);
                Write(writes[i]);
            }
        }
    }

    private static void Write(WriteCgroupFile w)
    {
        try { CgroupEffects.Write(w.Path, w.Value); }
        catch (SyscallException e)
        {
            var hint = e.Errno == 22 && w.Path.EndsWith("/memory.limit_in_bytes", StringComparison.Ordinal)
                ? " (the memory plus swap limit is lower; raise it with --memory-swap)" : "";
            throw new LifecycleException($"{w.Reason}: cannot write {w.Value} to {w.Path}: {Errno.Describe(e.Errno)}{hint}");
        }
    }

    private static LifecycleException Problem(Errors errors) => new(string.Join("; ", errors.Select(e => e.ToString())));
}
