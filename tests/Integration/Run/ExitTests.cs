using System.Text.RegularExpressions;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Run;

/// <summary>How a container ends: its exit code, its signals, and a start that fails half-way.</summary>
public sealed class ExitTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_exit_code_is_the_containers()
    {
        var result = NewBundle().Run(["--", "/bin/sh", "-c", "exit 3"]);
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public void SIGTERM_sent_to_gomini_reaches_the_container()
    {
        using var gomini = NewBundle()
            .Args("/bin/sh", "-c", "trap 'echo got-term; exit 42' TERM; echo ready; while :; do sleep 0.1; done")
            .Start();
        Assert.Equal("ready", ReadLine(gomini));
        Assert.Equal(0, Shell.Run("kill", ["-TERM", gomini.Id.ToString()], Patience).ExitCode);
        var result = Shell.Finish(gomini, Patience);
        Assert.Equal(42, result.ExitCode);
        Assert.Equal("got-term", result.Stdout.Trim());
    }

    [Fact]
    public void A_container_killed_by_a_signal_exits_with_128_plus_its_number()
    {
        using var gomini = NewBundle().Args("/bin/sh", "-c", "echo ready; while :; do sleep 0.1; done").Start();
        Assert.Equal("ready", ReadLine(gomini));
        var container = ChildOf(gomini.Id);
        Assert.Equal(0, Shell.Run("kill", ["-KILL", container.ToString()], Patience).ExitCode);
        Assert.Equal(137, Shell.Finish(gomini, Patience).ExitCode);
    }

    [Fact]
    public void A_command_that_does_not_exist_reports_its_step_and_leaves_nothing()
    {
        var result = NewBundle().Args("/bin/no-such-command").Run();
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(new Regex(@"^gomini: step \d+ .*no-such-command.*: ENOENT \(No such file or directory\)$", RegexOptions.Multiline),
            result.Stderr);
    }

    [Fact]
    public void A_working_directory_that_is_a_file_reports_its_step_and_leaves_nothing()
    {
        var result = NewBundle().Cwd("/etc/passwd").Run();
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(new Regex(@"^gomini: step \d+ .*/etc/passwd.*: ENOTDIR \(Not a directory\)$", RegexOptions.Multiline), result.Stderr);
    }

    private static string? ReadLine(System.Diagnostics.Process process)
    {
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(Patience))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the container printed nothing");
        }
        return line.Result;
    }

    /// <summary>The container process: gomini's only child.</summary>
    private static int ChildOf(int pid)
    {
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            var children = File.ReadAllText(Path.Combine(task, "children")).Trim();
            if (children.Length > 0)
                return int.Parse(children.Split(' ')[0]);
        }
        throw new InvalidOperationException($"gomini ({pid}) has no child");
    }
}
