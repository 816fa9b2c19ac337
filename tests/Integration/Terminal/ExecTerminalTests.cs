using System.Text.RegularExpressions;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Terminal;

/// <summary>
/// `exec --tty`: the exec'd process gets a new pty made inside the container; its master goes to
/// --console-socket (what conmon does for `podman exec -t`) or, without one, gomini relays it.
/// </summary>
public sealed class ExecTerminalTests(GominiFixture fixture) : RunningContainerTest(fixture)
{

    [Fact]
    public void Exec_tty_with_a_console_socket_sends_the_master_of_a_new_pty_and_the_process_runs_on_its_slave()
    {
        var bundle = Running();
        using var receiver = new ConsoleReceiver(bundle.Path);
        var exec = Gomini.Run("exec", "-d", "-t", "--console-socket", receiver.Path, bundle.Id,
            "sh", "-c", "tty; [ -t 0 ] && [ -t 1 ] && echo stdio-is-a-tty; read line; echo got-$line; echo done");
        Assert.True(exec.ExitCode == 0, exec.ToString());
        var output = receiver.TypeAndRead("typed\n", "done", TimeSpan.FromSeconds(10));
        Assert.Matches(new Regex(@"^/dev/pts/\d+\r?$", RegexOptions.Multiline), output);
        Assert.Contains("stdio-is-a-tty", output);
        Assert.Contains("got-typed", output);
    }

    [Fact]
    public void A_process_file_with_terminal_true_is_the_same_as_tty_and_gomini_waits_for_its_status()
    {
        var bundle = Running();
        var file = Path.Combine(bundle.Path, "process.json");
        File.WriteAllText(file, """{"terminal":true,"consoleSize":{"height":25,"width":81},"args":["sh","-c","tty; stty size; echo done; exit 6"],"env":["PATH=/bin"],"cwd":"/"}""");
        using var receiver = new ConsoleReceiver(bundle.Path);
        // Not detached: gomini waits for the process while the test reads the pty.
        using var exec = Shell.Start("/bin/sh", ["-c", "exec \"$0\" \"$@\" </dev/null", Fixture.Binary, "--root", Gomini.Root,
            "exec", "--process", file, "--console-socket", receiver.Path, bundle.Id]);
        using var master = receiver.Master(TimeSpan.FromSeconds(10));
        Assert.NotNull(master);
        var output = ConsoleReceiver.ReadUntil(master, "done", TimeSpan.FromSeconds(10));
        var finished = Shell.Finish(exec, TimeSpan.FromSeconds(20));
        Assert.True(finished.ExitCode == 6, finished + "\n--- pty\n" + output);
        Assert.Matches(new Regex(@"/dev/pts/\d+"), output);
        Assert.Contains("25 81", output);
    }

    [Fact]
    public void Exec_tty_without_a_console_socket_relays_gomini_s_own_terminal()
    {
        var bundle = Running();
        // script gives gomini a real terminal, as an interactive user would.
        var command = $"{Fixture.Binary} --root {Gomini.Root} exec -t {bundle.Id} sh -c 'tty; [ -t 0 ] && echo stdin-is-a-tty; read line; echo got-$line; exit 3'";
        var result = Shell.Run("script", ["-qec", command, "/dev/null"], TimeSpan.FromSeconds(30), stdin: "hello\n");
        Assert.Matches(new Regex(@"/dev/pts/\d+"), result.Stdout);
        Assert.Contains("stdin-is-a-tty", result.Stdout);
        Assert.Contains("got-hello", result.Stdout);
        Assert.True(result.ExitCode == 3, result.ToString());
    }

    [Fact]
    public void Without_tty_the_exec_process_has_no_terminal()
    {
        var bundle = Running();
        var result = Gomini.Run("exec", bundle.Id, "sh", "-c", "[ -t 0 ] || echo no-tty");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("no-tty", result.Stdout.Trim());
    }

    [Fact]
    public void A_console_socket_without_a_tty_and_a_detached_tty_without_a_socket_are_refused()
    {
        var bundle = Running();
        using var receiver = new ConsoleReceiver(bundle.Path);
        var socketOnly = Gomini.Run("exec", "--console-socket", receiver.Path, bundle.Id, "true");
        Assert.Equal(1, socketOnly.ExitCode);
        Assert.Single(socketOnly.Stderr.Trim().Split('\n'));
        Assert.Contains("--console-socket", socketOnly.Stderr);
        var detached = Gomini.Run("exec", "-d", "-t", bundle.Id, "true");
        Assert.Equal(1, detached.ExitCode);
        Assert.Contains("cannot allocate tty if gomini will detach without setting console socket", detached.Stderr);
    }
}
