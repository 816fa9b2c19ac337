using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>`gomini events` reads the running container's own cgroups, in runc's JSON shape.</summary>
public sealed class EventsTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    [Fact]
    public void Stats_of_a_running_container_show_its_process_and_its_memory()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        try
        {
            Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
            Assert.Equal(0, gomini.Run("update", "--pids-limit", "50", bundle.Id).ExitCode);
            var result = gomini.Run("events", "--stats", bundle.Id);
            Assert.True(result.ExitCode == 0, result.ToString());
            var e = JsonNode.Parse(result.Stdout)!;
            Assert.Equal("stats", e["type"]!.GetValue<string>());
            Assert.Equal(bundle.Id, e["id"]!.GetValue<string>());
            var data = e["data"]!;
            Assert.True(data["pids"]!["current"]!.GetValue<ulong>() >= 1, result.Stdout);
            Assert.Equal(50UL, data["pids"]!["limit"]!.GetValue<ulong>());
            Assert.True(data["memory"]!["usage"]!["usage"]!.GetValue<ulong>() > 0, result.Stdout);
            Assert.True(data["cpu"]!["usage"]!["total"]!.GetValue<ulong>() > 0, result.Stdout);
        }
        finally { Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode); }
    }

    [Fact]
    public void The_stream_ends_when_the_container_stops_and_a_stopped_one_has_no_stats()
    {
        var bundle = NewBundle().Args("sleep", "1");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        var stream = gomini.Run("events", "--interval", "200ms", bundle.Id);
        Assert.True(stream.ExitCode == 0, stream.ToString());
        var lines = stream.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("stats", JsonNode.Parse(l)!["type"]!.GetValue<string>()));
        Assert.Equal(1, gomini.Run("events", "--stats", bundle.Id).ExitCode);
        Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
    }

    /// <summary>
    /// A created container with a 32 MiB limit whose process waits for /go, then runs <paramref name="allocate"/>;
    /// and `events` streaming it.
    /// </summary>
    private (Bundle Bundle, System.Diagnostics.Process Events) CreatedWithEvents(string allocate)
    {
        var bundle = NewBundle().Args("sh", "-c", "while [ ! -e /go ]; do sleep 0.05; done; " + allocate)
            .Edit(c => c["linux"]!["resources"] = new JsonObject { ["memory"] = new JsonObject { ["limit"] = 32L << 20 } });
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        return (bundle, Shell.Start(Fixture.Binary, ["--root", gomini.Root, "events", "--interval", "1h", bundle.Id]));
    }

    /// <summary>
    /// Starts the container with `events` already streaming, waits for the first stats (by then events has read
    /// the OOM counter's starting value), lets the process allocate, and returns the next line.
    /// </summary>
    private string NextAfterAllocation(Bundle bundle, System.Diagnostics.Process events)
    {
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        var first = NextLine(events);
        Assert.Equal("stats", JsonNode.Parse(first)!["type"]!.GetValue<string>());
        File.WriteAllText(Path.Combine(bundle.Rootfs, "go"), "");
        return NextLine(events);
    }

    [Fact]
    public void A_process_killed_for_exceeding_the_memory_limit_gives_an_oom_event()
    {
        // tail keeps its newline-free 64 MiB input against a 32 MiB limit; the kernel kills it. The shell
        // (the init) usually lives on; now and then the kernel's OOM killer takes it too, before tail's
        // memory is freed (seen here about one run in fifteen), and the container stops.
        var (bundle, events) = CreatedWithEvents("head -c 64m /dev/zero | tail; echo $? >/tail-status; sleep 1000");
        using var stream = events;
        try
        {
            var oom = JsonNode.Parse(NextAfterAllocation(bundle, events))!;
            Assert.Equal("oom", oom["type"]!.GetValue<string>());
            Assert.Equal(bundle.Id, oom["id"]!.GetValue<string>());
            if (gomini.Status(bundle.Id) == "running")
            {
                var status = Path.Combine(bundle.Rootfs, "tail-status");
                for (var i = 0; i < 100 && !(File.Exists(status) && new FileInfo(status).Length > 0); i++) Thread.Sleep(50);
                Assert.Equal("137", File.ReadAllText(status).Trim());
            }
        }
        finally
        {
            Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode);
            // With its container gone, the stream ends by itself, successfully.
            var rest = Shell.Finish(events, TimeSpan.FromSeconds(10));
            Assert.True(rest.ExitCode == 0, rest.ToString());
        }
    }

    /// <summary>
    /// Regression: when the OOM killer took the container's init, `events` saw the container stopped and
    /// ended its stream without the oom event (CI failed on it once).
    /// </summary>
    [Fact]
    public void An_oom_kill_that_ends_the_container_is_still_reported_before_the_stream_ends()
    {
        var (bundle, events) = CreatedWithEvents("exec tail /dev/zero");
        using var stream = events;
        try
        {
            var oom = JsonNode.Parse(NextAfterAllocation(bundle, events))!;
            Assert.Equal("oom", oom["type"]!.GetValue<string>());
            var rest = Shell.Finish(events, TimeSpan.FromSeconds(10));
            Assert.True(rest.ExitCode == 0, rest.ToString());
            Assert.Equal("stopped", gomini.Status(bundle.Id));
        }
        finally { Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode); }
    }

    /// <summary>The stream's next line; failing (not hanging) if none comes within 10 s.</summary>
    private static string NextLine(System.Diagnostics.Process process)
    {
        var line = process.StandardOutput.ReadLineAsync();
        Assert.True(line.Wait(TimeSpan.FromSeconds(10)), "no event within 10 s");
        if (line.Result is { } text) return text;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        throw new Xunit.Sdk.XunitException($"the event stream ended early (exit {process.ExitCode}): {errors}");
    }
}
