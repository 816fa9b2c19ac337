using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Terminal;

/// <summary>process.terminal: the pty master goes to --console-socket; the process sees a pty as stdio and controlling terminal.</summary>
public sealed class ConsoleSocketTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    private static Bundle WithTerminal(Bundle bundle) => bundle.Edit(c =>
    {
        c["process"]!["terminal"] = true;
        c["process"]!["consoleSize"] = new JsonObject { ["height"] = 31, ["width"] = 97 };
    });

    [Fact]
    public void Create_sends_the_pty_master_to_the_console_socket_and_the_process_runs_on_its_slave()
    {
        var bundle = WithTerminal(NewBundle().Args("sh", "-c", "tty; stty size; [ -t 0 ] && echo stdin-is-a-tty; echo done"));
        bundle.Save();
        using var receiver = new ConsoleReceiver(bundle.Path);
        var created = gomini.Run("create", "--bundle", bundle.Path, "--console-socket", receiver.Path, bundle.Id);
        Assert.True(created.ExitCode == 0, created.ToString());
        try
        {
            using var master = receiver.Master(TimeSpan.FromSeconds(10));
            Assert.NotNull(master);
            Assert.Equal(0, gomini.Run("start", bundle.Id).ExitCode);
            var output = ConsoleReceiver.ReadUntil(master, "done", TimeSpan.FromSeconds(10));
            Assert.Contains("/dev/pts/0", output);
            Assert.Contains("31 97", output);
            Assert.Contains("stdin-is-a-tty", output);
        }
        finally
        {
            gomini.Run("delete", "--force", bundle.Id);
        }
    }

    [Fact]
    public void Run_detached_sends_the_pty_master_to_the_console_socket()
    {
        var bundle = WithTerminal(NewBundle().Args("sh", "-c", "tty; read line; echo got-$line; echo done"));
        bundle.Save();
        using var receiver = new ConsoleReceiver(bundle.Path);
        var run = gomini.Run("run", "-d", "--bundle", bundle.Path, "--console-socket", receiver.Path, bundle.Id);
        try
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            var output = receiver.TypeAndRead("typed\n", "done", TimeSpan.FromSeconds(10));
            Assert.Contains("/dev/pts/0", output);
            Assert.Contains("got-typed", output);
        }
        finally
        {
            gomini.Run("delete", "--force", bundle.Id);
        }
    }

    [Fact]
    public void Create_of_a_terminal_container_without_a_console_socket_is_refused()
    {
        var bundle = WithTerminal(NewBundle().Args("true"));
        bundle.Save();
        var created = gomini.Run("create", "--bundle", bundle.Path, bundle.Id);
        Assert.Equal(1, created.ExitCode);
        Assert.Contains("console socket", created.Stderr);
    }

    [Fact]
    public void A_console_socket_for_a_container_without_a_terminal_is_refused()
    {
        var bundle = NewBundle().Args("true");
        bundle.Save();
        using var receiver = new ConsoleReceiver(bundle.Path);
        var created = gomini.Run("create", "--bundle", bundle.Path, "--console-socket", receiver.Path, bundle.Id);
        Assert.Equal(1, created.ExitCode);
        Assert.Contains("--console-socket", created.Stderr);
        Assert.Equal(1, gomini.Run("state", bundle.Id).ExitCode);
    }

    [Fact]
    public void Run_relays_its_own_terminal_to_the_containers_pty()
    {
        var bundle = WithTerminal(NewBundle().Args("sh", "-c", "tty; read line; echo got-$line; exit 3"));
        bundle.Save();
        // script gives gomini a real terminal, as an interactive user would.
        var command = $"{Fixture.Binary} --root {gomini.Root} run --bundle {bundle.Path} {bundle.Id}";
        var result = Shell.Run("script", ["-qec", command, "/dev/null"], TimeSpan.FromSeconds(30), stdin: "hello\n");
        Assert.Contains("/dev/pts/0", result.Stdout);
        Assert.Contains("got-hello", result.Stdout);
        Assert.True(result.ExitCode == 3, result.ToString());
    }
}
