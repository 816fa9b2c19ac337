using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Run;

/// <summary>
/// --preserve-fds N of run, create and exec: the caller's fds 3..3+N-1 reach the container process at
/// the same numbers (while gomini's own sync socket moves out of their way); every other fd is closed.
/// </summary>
public sealed class PreserveFdsTests(GominiFixture fixture) : ContainerTest(fixture), IDisposable
{
    private readonly GominiCli gomini = new(fixture);
    private readonly List<string> started = [];

    private string HostFile(string name, string text)
    {
        var path = Path.Combine(gomini.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>What the container says about fds 3, 4 and 5: the text read from each, or "closed".</summary>
    private const string Probe = "for fd in 3 4 5; do if [ -e /proc/self/fd/$fd ]; then echo \"$fd=$(cat /proc/self/fd/$fd)\"; else echo \"$fd=closed\"; fi; done";

    [Fact]
    public void Run_passes_the_callers_fd_3_and_4_and_closes_fd_5()
    {
        var bundle = NewBundle().Args("sh", "-c", Probe);
        bundle.Save();
        var three = HostFile("three", "first");
        var four = HostFile("four", "second");
        var five = HostFile("five", "third");
        var result = gomini.RunAfter($"exec 3<{three} 4<{four} 5<{five}", "run", "--preserve-fds", "2", "--bundle", bundle.Path, bundle.Id);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["3=first", "4=second", "5=closed"], result.Stdout.Trim().Split('\n'));
    }

    [Fact]
    public void Without_the_flag_no_fd_of_the_caller_reaches_the_container()
    {
        var bundle = NewBundle().Args("sh", "-c", Probe);
        bundle.Save();
        var three = HostFile("three", "first");
        var result = gomini.RunAfter($"exec 3<{three}", "run", "--bundle", bundle.Path, bundle.Id);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["3=closed", "4=closed", "5=closed"], result.Stdout.Trim().Split('\n'));
    }

    [Fact]
    public void Create_keeps_the_fd_until_start_and_the_process_reads_it_then()
    {
        var bundle = NewBundle().Args("sh", "-c", "cat <&3 > /from-fd-3");
        bundle.Save();
        var three = HostFile("three", "kept-across-start");
        var created = gomini.RunAfter($"exec 3<{three}", "create", "--preserve-fds", "1", "--bundle", bundle.Path, bundle.Id);
        Assert.True(created.ExitCode == 0, created.ToString());
        started.Add(bundle.Id);
        Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
        var result = Path.Combine(bundle.Rootfs, "from-fd-3");
        for (var i = 0; i < 500 && !(File.Exists(result) && File.ReadAllText(result).Length > 0); i++) Thread.Sleep(10);
        Assert.Equal("kept-across-start", File.ReadAllText(result));
    }

    [Fact]
    public void Exec_passes_the_callers_fd_to_the_new_process()
    {
        var bundle = NewBundle().Args("sleep", "1000");
        bundle.Save();
        Assert.Equal(0, gomini.Run("run", "-d", "--bundle", bundle.Path, bundle.Id).ExitCode);
        started.Add(bundle.Id);
        var three = HostFile("three", "into-exec");
        var result = gomini.RunAfter($"exec 3<{three} 4<{three}", "exec", "--preserve-fds", "1", bundle.Id, "sh", "-c", Probe);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["3=into-exec", "4=closed", "5=closed"], result.Stdout.Trim().Split('\n'));
        var without = gomini.RunAfter($"exec 3<{three}", "exec", bundle.Id, "sh", "-c", Probe);
        Assert.Equal(["3=closed", "4=closed", "5=closed"], without.Stdout.Trim().Split('\n'));
    }

    [Fact]
    public void Fds_the_caller_did_not_pass_are_refused_naming_the_flag()
    {
        var bundle = NewBundle().Args("true");
        bundle.Save();
        var result = gomini.Run("run", "--preserve-fds", "2", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--preserve-fds 2: fd 3 was not passed", result.Stderr);
    }

    public new void Dispose()
    {
        foreach (var id in started)
            gomini.Run("delete", "--force", id);
        base.Dispose();
    }
}
