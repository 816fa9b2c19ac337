using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;
using static GoMini.Integration.Security.ProcStatus;

namespace GoMini.Integration.Security;

public class ProcessLimitTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static JsonArray Rlimit(string type, ulong soft, ulong hard) =>
        new((JsonNode)new JsonObject { ["type"] = type, ["soft"] = soft, ["hard"] = hard });

    [Fact]
    public void No_new_privileges_shows_in_proc_status_when_asked_and_not_otherwise()
    {
        var on = NewBundle().Args("/bin/cat", "/proc/self/status").Run();
        Assert.True(on.ExitCode == 0, on.ToString());
        Assert.Equal("1", Field(on.Stdout, "NoNewPrivs"));

        var off = NewBundle().Args("/bin/cat", "/proc/self/status").Edit(c => c["process"]!["noNewPrivileges"] = false).Run();
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Equal("0", Field(off.Stdout, "NoNewPrivs"));
    }

    [Fact]
    public void The_open_files_limit_holds_inside()
    {
        var result = NewBundle().Args("/bin/sh", "-c", "ulimit -n; ulimit -H -n")
            .Edit(c => c["process"]!["rlimits"] = Rlimit("RLIMIT_NOFILE", 256, 512)).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("256\n512\n", result.Stdout);
    }

    [Fact]
    public void The_process_limit_holds_for_a_non_root_user()
    {
        // RLIMIT_NPROC counts the user's tasks (threads too); uid 54321 has none on the host. The limit
        // leaves room for the init child's threads at setresuid (a multi-threaded runtime changes the uid
        // of every thread, and execve fails with EAGAIN if they already exceed it), then 30 forks exceed it.
        var result = NewBundle().User(54321, 54321).Args("/bin/sh", "-c",
                "ulimit -u; i=0; while [ $i -lt 30 ]; do sleep 2 & i=$((i+1)); done; wait; echo done")
            .Edit(c => c["process"]!["rlimits"] = Rlimit("RLIMIT_NPROC", 16, 16)).Run();
        // busybox sh gives up (exit 2) at the first fork the limit refuses.
        Assert.StartsWith("16\n", result.Stdout);
        Assert.Contains("can't fork", result.Stderr);
    }

    [Fact]
    public void An_unknown_rlimit_is_an_error_naming_it()
    {
        var result = NewBundle().Edit(c => c["process"]!["rlimits"] = Rlimit("RLIMIT_BOGUS", 1, 1)).Run();
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("process.rlimits[0].type: unknown rlimit \"RLIMIT_BOGUS\"", result.Stderr);
    }

    [Fact]
    public void Only_the_standard_descriptors_are_open_inside()
    {
        // "; exit 0" keeps busybox sh from exec-ing ls in its own place: otherwise $$ would be ls itself,
        // and the directory ls has open to read /proc/$$/fd would show as a leaked fd 3.
        var result = NewBundle().Args("/bin/sh", "-c", "ls /proc/$$/fd; exit 0").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["0", "1", "2"], result.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_oom_score_adj_is_applied()
    {
        var result = NewBundle().Args("/bin/cat", "/proc/self/oom_score_adj").Edit(c => c["process"]!["oomScoreAdj"] = 500).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("500\n", result.Stdout);
    }
}
