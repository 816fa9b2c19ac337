using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>
/// Regression: `kill ID KILL` of a paused container used to leave it paused with the kill pending
/// (a frozen task does not act on SIGKILL), so `podman kill` of a paused container timed out waiting
/// for the exit. runc thaws the container after a SIGKILL; gomini now does the same.
/// </summary>
public sealed class PausedKillTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    /// <summary>The status once it stops changing towards "stopped" (a dying init takes a moment).</summary>
    private string Settled(string id)
    {
        var status = gomini.Status(id);
        for (var i = 0; i < 100 && status != "stopped"; i++)
        {
            Thread.Sleep(20);
            status = gomini.Status(id);
        }
        return status;
    }

    /// <summary>Running or frozen; a zombie (dead, not yet reaped by whoever adopted it) is not alive.</summary>
    private static bool Alive(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1][0] is not ('Z' or 'X'); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException) { return false; }
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void SIGKILL_stops_a_paused_container_like_runc(bool started, bool all)
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        try
        {
            if (started) Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
            Assert.Equal(0, gomini.Run("pause", bundle.Id).ExitCode);
            Assert.Equal("paused", gomini.Status(bundle.Id));
            var pid = gomini.Pid(bundle.Id);
            var killed = all ? gomini.Run("kill", "--all", bundle.Id, "KILL") : gomini.Run("kill", bundle.Id, "KILL");
            Assert.True(killed.ExitCode == 0, killed.ToString());
            Assert.Equal("stopped", Settled(bundle.Id));
            Assert.False(Alive(pid), $"the init {pid} still runs");
            Assert.Equal(0, gomini.Run("delete", bundle.Id).ExitCode);
        }
        finally { gomini.Run("delete", "--force", bundle.Id); }
    }

    [Fact]
    public void Another_signal_leaves_a_paused_container_paused()
    {
        // The shell would exit 3 on HUP at once if it were thawed.
        var bundle = NewBundle().Args("sh", "-c", "trap 'exit 3' HUP; while :; do sleep 0.1; done");
        bundle.Save();
        Assert.Equal(0, gomini.Run("create", "--bundle", bundle.Path, bundle.Id).ExitCode);
        try
        {
            Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
            Thread.Sleep(200);
            Assert.Equal(0, gomini.Run("pause", bundle.Id).ExitCode);
            Assert.Equal(0, gomini.Run("kill", bundle.Id, "HUP").ExitCode);
            Thread.Sleep(300);
            Assert.Equal("paused", gomini.Status(bundle.Id));
            // Thawed, it acts on the pending HUP.
            Assert.Equal(0, gomini.Run("resume", bundle.Id).ExitCode);
            Assert.Equal("stopped", Settled(bundle.Id));
        }
        finally { Assert.Equal(0, gomini.Run("delete", "--force", bundle.Id).ExitCode); }
    }
}
