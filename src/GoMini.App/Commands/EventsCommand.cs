using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoMini.App.Cli;
using GoMini.Domain.Lifecycle;
using GoMini.Effects.Cgroups;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>
/// `gomini events ID`: runc's event stream. --stats prints one stats event and exits; otherwise a
/// stats event every --interval, and an oom event as soon as the kernel's OOM-kill counter of the
/// container's memory cgroup grows. Ends (status 0) when the container stops or is deleted.
/// </summary>
public static class EventsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var stats = new Option<bool>("--stats") { Description = "print the container's statistics once and exit" };
        var interval = new Option<string>("--interval") { Description = "how often to print statistics (Go duration: 5s, 500ms, 1m)", DefaultValueFactory = _ => "5s" };
        var command = new Command("events", "print a container's statistics and OOM events as JSON");
        command.Arguments.Add(id);
        command.Options.Add(stats);
        command.Options.Add(interval);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var store = GlobalFlags.Store(result);
            var name = result.GetValue(id)!;
            var text = result.GetValue(interval)!;
            var period = Duration(text) ?? throw new LifecycleException($"--interval: must be a positive duration such as 5s or 500ms, not \"{text}\"");
            var dirs = Cgroups(store, name) ?? throw new LifecycleException("container not running");
            if (result.GetValue(stats))
            {
                Print(new ContainerEvent("stats", name, Read(dirs)));
                return;
            }
            Stream(store, name, period);
        }));
        return command;
    }

    /// <summary>
    /// Polls the OOM counter every 100 ms and prints stats every period, until the container stops. An OOM
    /// kill that ends the container (the kernel may take its init too) is still reported: the counter is
    /// read once more from the cgroups it had, which stay until `delete`.
    /// </summary>
    private static void Stream(StateStore store, string id, TimeSpan period)
    {
        var oomKills = -1L;
        var nextStats = DateTime.UtcNow;
        string[] last = [];
        while (Cgroups(store, id) is { } dirs)
        {
            last = dirs;
            oomKills = ReportOom(id, dirs, oomKills);
            if (DateTime.UtcNow >= nextStats)
            {
                Print(new ContainerEvent("stats", id, Read(dirs)));
                nextStats = DateTime.UtcNow + period;
            }
            Thread.Sleep(100);
        }
        ReportOom(id, last, oomKills);
    }

    /// <summary>Prints an oom event if the OOM-kill counter rose since <paramref name="before"/> (-1: not read yet); returns the count.</summary>
    private static long ReportOom(string id, string[] dirs, long before)
    {
        var kills = dirs.Select(d => Math.Max(CgroupEffects.Counter(Path.Combine(d, "memory.events"), "oom_kill"),
            CgroupEffects.Counter(Path.Combine(d, "memory.oom_control"), "oom_kill"))).DefaultIfEmpty(-1).Max();
        if (before >= 0 && kills > before) Print(new ContainerEvent("oom", id, null));
        return Math.Max(before, kills);
    }

    /// <summary>The container's cgroup directories, or null once it has stopped or is gone. The lock is not kept.</summary>
    private static string[]? Cgroups(StateStore store, string id)
    {
        try
        {
            var (container, state, status) = Operations.Open(store, id);
            using (container)
                return status == ContainerStatus.Stopped ? null : state.Cgroups;
        }
        catch (LifecycleException) { return null; }
    }

    private static void Print(ContainerEvent e)
    {
        Console.Out.Write(JsonSerializer.Serialize(e, EventsJsonContext.Default.ContainerEvent) + "\n");
        Console.Out.Flush();
    }

    private static EventStats Read(string[] dirs)
    {
        string? Text(string file) => dirs.Select(d => CgroupEffects.ReadOrNull(Path.Combine(d, file))).FirstOrDefault(t => t is not null);
        ulong Number(string file) => Value(Text(file));
        ulong Key(string file, string key) => dirs.Select(d => CgroupEffects.Counter(Path.Combine(d, file), key)).Where(v => v >= 0)
            .Select(v => (ulong)v).FirstOrDefault();
        var v2 = Text("memory.current") is not null;
        var stat = Pairs(Text("memory.stat"));

        // v1: cpuacct (ns; cpuacct.stat in USER_HZ ticks of 10 ms); v2: cpu.stat in µs.
        var cpu = Text("cpuacct.usage") is not null
            ? new CpuUsage(Number("cpuacct.usage"), Key("cpuacct.stat", "system") * 10_000_000, Key("cpuacct.stat", "user") * 10_000_000)
            : new CpuUsage(Key("cpu.stat", "usage_usec") * 1000, Key("cpu.stat", "system_usec") * 1000, Key("cpu.stat", "user_usec") * 1000);
        var throttledTime = Text("cpuacct.usage") is not null ? Key("cpu.stat", "throttled_time") : Key("cpu.stat", "throttled_usec") * 1000;
        var throttling = new CpuThrottling(Key("cpu.stat", "nr_periods"), Key("cpu.stat", "nr_throttled"), throttledTime);

        var memory = v2
            ? new MemoryStats(stat?.GetValueOrDefault("file") ?? 0,
                new MemoryEntry(Number("memory.max"), Number("memory.current"), Number("memory.peak"), Key("memory.events", "max")),
                new MemoryEntry(Number("memory.swap.max"), Number("memory.swap.current"), 0, Key("memory.swap.events", "max")), stat)
            : new MemoryStats(stat?.GetValueOrDefault("cache") ?? 0,
                new MemoryEntry(Number("memory.limit_in_bytes"), Number("memory.usage_in_bytes"), Number("memory.max_usage_in_bytes"), Number("memory.failcnt")),
                new MemoryEntry(Number("memory.memsw.limit_in_bytes"), Number("memory.memsw.usage_in_bytes"), Number("memory.memsw.max_usage_in_bytes"), Number("memory.memsw.failcnt")),
                stat);
        var pidsMax = Text("pids.max")?.Trim();
        var pids = new PidsStats(Number("pids.current"), pidsMax is null or "max" ? 0 : Value(pidsMax));
        return new EventStats(new CpuStats(cpu, throttling), memory, pids);
    }

    /// <summary>A cgroup number; "max" is no limit, which runc reports as 2^64-1.</summary>
    private static ulong Value(string? text) => text?.Trim() switch
    {
        null or "" => 0,
        "max" => ulong.MaxValue,
        var t => ulong.TryParse(t, out var v) ? v : 0,
    };

    private static Dictionary<string, ulong>? Pairs(string? text)
    {
        if (text is null) return null;
        var map = new Dictionary<string, ulong>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && ulong.TryParse(parts[1], out var v)) map[parts[0]] = v;
        }
        return map;
    }

    /// <summary>Go's time.Duration text, the subset engines use: a number with ns, us, ms, s, m or h.</summary>
    private static TimeSpan? Duration(string text)
    {
        var units = new (string Suffix, double Ms)[] { ("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000) };
        foreach (var (suffix, ms) in units.OrderByDescending(u => u.Suffix.Length))
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
                return TimeSpan.FromMilliseconds(n * ms);
        return null;
    }
}
