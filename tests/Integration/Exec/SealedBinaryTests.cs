using System.Diagnostics;
using System.Security.Cryptography;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Exec;

/// <summary>
/// CVE-2019-5736: the exec-init runs inside the container's pid namespace before it execs the user's
/// process, so the container can see it in /proc. Its /proc/&lt;pid&gt;/exe must be a sealed memfd
/// copy of gomini, never the host's binary, which the container could otherwise reopen for writing.
/// </summary>
public sealed class SealedBinaryTests(GominiFixture fixture) : ContainerTest(fixture), IDisposable
{
    private readonly string root = Directory.CreateDirectory(Path.Combine(fixture.WorkDir, "root-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly List<string> started = [];

    private ProcessResult Gomini(params string[] args)
    {
        var name = Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(root, $".out-{name}");
        var errors = Path.Combine(root, $".err-{name}");
        var result = Shell.Run("/bin/sh", ["-c", $"exec \"$0\" \"$@\" </dev/null >{output} 2>{errors}", Fixture.Binary, "--root", root, .. args],
            TimeSpan.FromSeconds(60));
        return new ProcessResult(result.ExitCode, File.ReadAllText(output), File.ReadAllText(errors));
    }

    private Bundle Running(params string[] args)
    {
        var bundle = NewBundle().Args(args);
        bundle.Save();
        var run = Gomini("run", "-d", "--bundle", bundle.Path, bundle.Id);
        Assert.True(run.ExitCode == 0, run.ToString());
        started.Add(bundle.Id);
        return bundle;
    }

    [Fact]
    public void The_exec_init_runs_from_a_memfd_not_from_the_host_binary()
    {
        var bundle = Running("sleep", "1000");
        var seen = new List<string>();
        for (var attempt = 0; attempt < 40 && !seen.Exists(e => e.StartsWith("/memfd:")); attempt++)
        {
            using var exec = Shell.Start(Fixture.Binary, ["--root", root, "exec", bundle.Id, "true"]);
            // Watch gomini exec's children until it ends: the exec-init is one of them until it execs `true`.
            while (!exec.HasExited)
                foreach (var child in Children(exec.Id))
                    if (ExeOf(child) is { } exe && !exe.EndsWith("/busybox") && !exe.EndsWith("/true"))
                        seen.Add(exe);
            Assert.Equal(0, exec.ExitCode);
        }
        Assert.Contains(seen, e => e.StartsWith("/memfd:gomini"));
        Assert.DoesNotContain(seen, e => e.Contains(Path.GetFileName(Fixture.Binary)) && !e.StartsWith("/memfd:"));
    }

    [Fact]
    public void A_container_cannot_write_to_the_binary_of_an_exec_init_through_proc_exe()
    {
        var hostHash = Hash(Fixture.Binary);
        // Inside: for every process whose exe looks like gomini, hold it open (as the CVE's exploit does)
        // and, once that process has exec'd, keep trying (2 s: until `gomini exec` itself is gone too, as
        // the exploit waits for runc to exit) to write through the held fd; record tries and successes.
        const string attacker = """
            while [ ! -e /stop ]; do
              for d in /proc/[0-9]*; do
                case "$(readlink $d/exe 2>/dev/null)" in
                  *gomini*) ( exec 3<"$d/exe" || exit 0
                              echo "$(readlink /proc/self/fd/3)" >> /tried
                              while [ -e "$d/exe" ] && [ "$(readlink $d/exe)" = "$(readlink /proc/self/fd/3)" ]; do :; done
                              i=0
                              while [ $i -lt 100 ]; do
                                echo x >> /proc/self/fd/3 && { echo "wrote $d" >> /wrote; break; }
                                i=$((i+1)); sleep 0.02
                              done ) 2>/dev/null & ;;
                esac
              done
            done
            """;
        var bundle = Running("sh", "-c", attacker);
        var tried = Path.Combine(bundle.Rootfs, "tried");
        for (var i = 0; i < 100 && !File.Exists(tried); i++)
            Assert.Equal(0, Gomini("exec", bundle.Id, "true").ExitCode);
        Thread.Sleep(2500);
        File.WriteAllText(Path.Combine(bundle.Rootfs, "stop"), "");

        Assert.True(File.Exists(tried), "the attacker never caught an exec-init: the test proved nothing");
        Assert.All(File.ReadAllLines(tried), line => Assert.StartsWith("/memfd:gomini", line));
        var wrote = Path.Combine(bundle.Rootfs, "wrote");
        Assert.False(File.Exists(wrote), File.Exists(wrote) ? File.ReadAllText(wrote) : "");
        Assert.Equal(hostHash, Hash(Fixture.Binary));
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static IEnumerable<int> Children(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/task/{pid}/children"); }
        catch (IOException) { yield break; }
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            yield return int.Parse(part);
    }

    private static string? ExeOf(int pid)
    {
        try { return File.ResolveLinkTarget($"/proc/{pid}/exe", false)?.ToString(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public new void Dispose()
    {
        foreach (var id in started)
            Gomini("delete", "--force", id);
        base.Dispose();
    }
}
