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
}
