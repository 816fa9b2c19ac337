using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Run;

/// <summary>The container process: its namespaces, its command line, its environment and identity.</summary>
public sealed class ProcessTests(GominiFixture fixture) : ContainerTest(fixture)
{
    [Fact]
    public void The_container_process_is_PID_1()
    {
        var result = NewBundle().Run(["--", "/bin/sh", "-c", "echo $$"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1", result.Stdout.Trim());
    }

    [Fact]
    public void The_hostname_is_the_bundles_and_the_hosts_is_untouched()
    {
        var before = File.ReadAllText("/proc/sys/kernel/hostname");
        var result = NewBundle().Hostname("inside-box").Args("/bin/hostname").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("inside-box", result.Stdout.Trim());
        Assert.Equal(before, File.ReadAllText("/proc/sys/kernel/hostname"));
    }

    [Fact]
    public void Host_processes_are_invisible()
    {
        var result = NewBundle().Args("/bin/sh", "-c", "cd /proc && echo [0-9]*").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        var pids = result.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToList();
        Assert.Contains(1, pids);
        // The shell (1) and at most the subshell that expands the glob: never the host's hundreds.
        Assert.True(pids.Count <= 2, $"pids seen inside: {result.Stdout}");
    }

    [Fact]
    public void Proc_is_the_containers()
    {
        var result = NewBundle().Args("/bin/sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline; echo; cat /proc/mounts").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("/bin/sh -c", lines[0]);
        Assert.DoesNotContain(lines, l => l.Contains("/sys/fs/cgroup/memory"));
        Assert.Contains(lines, l => l.StartsWith("proc /proc proc"));
    }

    [Fact]
    public void Arguments_after_the_double_dash_beat_cmd_which_beats_the_config()
    {
        var bundle = NewBundle().Args("/bin/echo", "from-config");
        Assert.Equal("from-config", bundle.Run().Stdout.Trim());
        Assert.Equal("from-cmd", bundle.Run(["--cmd", "echo from-cmd"]).Stdout.Trim());
        Assert.Equal("from-args", bundle.Run(["--cmd", "echo from-cmd", "--", "/bin/echo", "from-args"]).Stdout.Trim());
    }

    [Fact]
    public void Env_cwd_uid_gid_and_additional_groups_are_the_configs()
    {
        var result = NewBundle()
            .Env("GREETING=hello there")
            .Cwd("/tmp")
            .User(65534, 65534, 10, 20)
            .Args("/bin/sh", "-c", "echo \"$GREETING\"; pwd; id -u; id -g; id -G")
            .Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["hello there", "/tmp", "65534", "65534"], lines[..4]);
        Assert.Equal(new[] { "10", "20", "65534" }, lines[4].Split(' ').Order());
    }

    [Fact]
    public void The_command_is_found_on_the_containers_PATH()
    {
        var result = NewBundle().Args("env").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", result.Stdout.Split('\n'));
    }

    [Fact]
    public void Stdin_passes_through_to_the_container()
    {
        var result = NewBundle().Args("/bin/sh", "-c", "read line; echo \"got $line\"").Run(stdin: "a line\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("got a line", result.Stdout.Trim());
    }
}
