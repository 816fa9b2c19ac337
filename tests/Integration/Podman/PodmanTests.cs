using Xunit;

namespace GoMini.Integration.Podman;

/// <summary>podman (via conmon) driving gomini exactly as it drives runc.</summary>
[Collection(Support.ContainerCollection.Name)]
public sealed class PodmanTests(PodmanFixture podman) : IClassFixture<PodmanFixture>
{
    private Support.ProcessResult Run(params string[] args) => podman.Podman(args);

    [Fact]
    public void Run_rm_prints_the_output_and_gives_the_exit_code()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var hello = Run("run", "--rm", "localhost/busybox", "echo", "hello");
        Assert.True(hello.ExitCode == 0, hello.ToString());
        Assert.Equal("hello", hello.Stdout.Trim());
        Assert.Equal(7, Run("run", "--rm", "localhost/busybox", "sh", "-c", "exit 7").ExitCode);
    }

    [Fact]
    public void Env_hostname_user_and_workdir_reach_the_process()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var result = Run("run", "--rm", "-e", "FOO=bar", "--hostname", "hx", "-w", "/tmp", "--user", "1000:1000",
            "localhost/busybox", "sh", "-c", "echo $FOO $(hostname) $(pwd) $(id -u)");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("bar hx /tmp 1000", result.Stdout.Trim());
    }

    [Fact]
    public void Stdin_is_passed_with_i()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var result = podman.Podman(["run", "--rm", "-i", "localhost/busybox", "cat"], stdin: "through\n");
        Assert.Equal("through", result.Stdout.Trim());
    }

    [Fact]
    public void Bind_mounts_are_read_only_or_writable_and_read_only_root_holds()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var dir = Directory.CreateTempSubdirectory("gomini-vol-").FullName;
        File.WriteAllText(Path.Combine(dir, "f"), "v");
        try
        {
            var ro = Run("run", "--rm", "-v", $"{dir}:/v:ro", "localhost/busybox", "sh", "-c", "cat /v/f; touch /v/x 2>/dev/null || echo ro");
            Assert.Equal("vro", ro.Stdout.Replace("\n", ""));
            var rw = Run("run", "--rm", "-v", $"{dir}:/v", "localhost/busybox", "touch", "/v/y");
            Assert.True(rw.ExitCode == 0, rw.ToString());
            Assert.True(File.Exists(Path.Combine(dir, "y")));
            var root = Run("run", "--rm", "--read-only", "localhost/busybox", "sh", "-c", "touch /x 2>/dev/null || echo readonly");
            Assert.Equal("readonly", root.Stdout.Trim());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_detached_container_logs_pauses_resumes_and_is_removed()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = "gm-pm-" + Guid.NewGuid().ToString("N")[..8];
        var started = Run("run", "-d", "--name", name, "localhost/busybox", "sh", "-c", "echo started; sleep 1000");
        Assert.True(started.ExitCode == 0, started.ToString());
        try
        {
            for (var i = 0; i < 50 && !Run("logs", name).Stdout.Contains("started"); i++) Thread.Sleep(100);
            Assert.Contains("started", Run("logs", name).Stdout);
            Assert.Contains("running", Run("inspect", "--format", "{{.State.Status}}", name).Stdout);
            Assert.Equal(0, Run("pause", name).ExitCode);
            Assert.Contains("paused", Run("inspect", "--format", "{{.State.Status}}", name).Stdout);
            Assert.Equal(0, Run("unpause", name).ExitCode);
            Assert.Equal(0, Run("kill", "-s", "KILL", name).ExitCode);
            for (var i = 0; i < 50 && !Run("inspect", "--format", "{{.State.Status}}", name).Stdout.Contains("exited"); i++) Thread.Sleep(100);
            Assert.Contains("exited", Run("inspect", "--format", "{{.State.Status}}", name).Stdout);
        }
        finally
        {
            Assert.Equal(0, Run("rm", "-f", name).ExitCode);
        }
    }

    [Fact]
    public void Stop_and_rm_f_end_a_running_container()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = "gm-pm-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, Run("run", "-d", "--name", name, "localhost/busybox", "sleep", "1000").ExitCode);
        Assert.Equal(0, Run("stop", "-t", "1", name).ExitCode);
        Assert.Contains("exited", Run("inspect", "--format", "{{.State.Status}}", name).Stdout);
        Assert.Equal(0, Run("rm", "-f", name).ExitCode);
    }

    [Fact]
    public void Exec_runs_in_the_container_with_env_workdir_user_and_its_exit_code()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var name = "gm-pm-" + Guid.NewGuid().ToString("N")[..8];
        var started = Run("run", "-d", "--name", name, "--hostname", "hx", "localhost/busybox", "sleep", "1000");
        Assert.True(started.ExitCode == 0, started.ToString());
        try
        {
            var plain = Run("exec", name, "sh", "-c", "hostname; cat /proc/1/cmdline | tr '\\0' ' '");
            Assert.True(plain.ExitCode == 0, plain.ToString());
            Assert.Equal("hx\nsleep 1000", plain.Stdout.Trim());
            var flags = Run("exec", "-e", "FOO=bar", "-w", "/tmp", "-u", "1000:1000", name, "sh", "-c", "echo $FOO $(pwd) $(id -u) $(id -g)");
            Assert.True(flags.ExitCode == 0, flags.ToString());
            Assert.Equal("bar /tmp 1000 1000", flags.Stdout.Trim());
            Assert.Equal(7, Run("exec", name, "sh", "-c", "exit 7").ExitCode);
        }
        finally
        {
            Assert.Equal(0, Run("rm", "-f", name).ExitCode);
        }
    }

    /// <summary>Regression: with --privileged podman passes the host's /dev/ptmx, which gomini kept instead of runc's link.</summary>
    [Fact]
    public void A_privileged_container_has_dev_ptmx_as_the_link_to_its_own_devpts()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var result = Run("run", "--rm", "--privileged", "localhost/busybox", "readlink", "/dev/ptmx");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("pts/ptmx", result.Stdout.Trim());
    }
}
