using GoMini.Integration.Podman;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Terminal;

/// <summary>`podman run -t`: conmon passes --console-socket to `gomini create` and relays the pty it receives.</summary>
[Collection(ContainerCollection.Name)]
public sealed class PodmanTerminalTests(PodmanFixture podman) : IClassFixture<PodmanFixture>
{
    /// <summary>podman only allocates a pty (-t) for a caller on a terminal: script gives it one.</summary>
    private ProcessResult OnTerminal(string podmanArgs, string? stdin = null)
    {
        var command = $"env CONTAINERS_CONF={Path.Combine(podman.Dir, "containers.conf")} podman {string.Join(' ', podman.Globals())} {podmanArgs}";
        return Shell.Run("script", ["-qec", command, "/dev/null"], TimeSpan.FromSeconds(60), stdin);
    }

    [Fact]
    public void Run_t_gives_the_process_a_pty()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var result = OnTerminal("run --rm -t localhost/busybox sh -c 'tty; [ -t 1 ] && echo stdout-is-a-tty; exit 4'");
        Assert.Contains("/dev/pts/0", result.Stdout);
        Assert.Contains("stdout-is-a-tty", result.Stdout);
        Assert.True(result.ExitCode == 4, result.ToString());
    }

    [Fact]
    public void Run_it_takes_input_through_the_pty()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var result = OnTerminal("run --rm -it localhost/busybox sh -c 'read line; echo got-$line'", stdin: "typed\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("got-typed", result.Stdout);
    }

    /// <summary>A running busybox container for exec tests, removed with `rm -f` after <paramref name="test"/>.</summary>
    private void WithRunning(Action<string> test)
    {
        var name = "gm-pt-" + Guid.NewGuid().ToString("N")[..8];
        var started = podman.Podman(["run", "-d", "--name", name, "localhost/busybox", "sleep", "1000"]);
        Assert.True(started.ExitCode == 0, started.ToString());
        try { test(name); }
        finally { Assert.Equal(0, podman.Podman(["rm", "-f", "-t", "0", name]).ExitCode); }
    }

    [Fact]
    public void Exec_t_gives_the_exec_process_a_pty_of_its_own_and_its_exit_code()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        WithRunning(name =>
        {
            var result = OnTerminal($"exec -t {name} sh -c 'tty; [ -t 1 ] && echo stdout-is-a-tty; exit 5'");
            Assert.Matches(new System.Text.RegularExpressions.Regex(@"/dev/pts/\d+"), result.Stdout);
            Assert.Contains("stdout-is-a-tty", result.Stdout);
            Assert.True(result.ExitCode == 5, result.ToString());
        });
    }

    [Fact]
    public void Exec_it_takes_input_through_the_pty()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        WithRunning(name =>
        {
            var result = OnTerminal($"exec -it {name} sh -c 'read line; echo got-$line'", stdin: "typed\n");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("got-typed", result.Stdout);
        });
    }

    [Fact]
    public void Exec_t_applies_user_env_and_workdir()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        WithRunning(name =>
        {
            var result = OnTerminal($"exec -t -u 1000 -e X=y -w /tmp {name} sh -c 'echo \"$X $(pwd) $(id -u)\"; tty'");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("y /tmp 1000", result.Stdout);
            Assert.Matches(new System.Text.RegularExpressions.Regex(@"/dev/pts/\d+"), result.Stdout);
        });
    }
}
