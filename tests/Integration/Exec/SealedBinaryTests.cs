using System.Diagnostics;
using System.Security.Cryptography;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Exec;

/// <summary>
/// CVE-2019-5736: the exec-init runs inside the container's pid namespace before it execs the user's
/// process, so the container can see it in /proc. Its /proc/&lt;pid&gt;/exe is gomini's binary bound
/// read-only (Spawn/OwnBinaryGuard), which nobody can reopen for writing, in the container or not.
/// </summary>
public sealed class SealedBinaryTests(GominiFixture fixture) : RunningContainerTest(fixture, TimeSpan.FromSeconds(60))
{

    [Fact]
    public void The_exec_inits_binary_is_on_a_read_only_mount()
    {
        var bundle = Running();
        var refusals = new List<string>();
        for (var attempt = 0; attempt < 40 && refusals.Count == 0; attempt++)
        {
            var held = new List<Microsoft.Win32.SafeHandles.SafeFileHandle>();
            using (var exec = Shell.Start(Fixture.Binary, ["--root", Gomini.Root, "exec", bundle.Id, "true"]))
            {
                // Watch gomini exec's children until it ends: the exec-init is one of them until it execs
                // `true`. Hold its exe open, as the exploit does: while it runs, a write open fails anyway
                // (ETXTBSY); once it is gone only the read-only mount stands in the way.
                while (!exec.HasExited)
                    foreach (var child in Children(exec.Id))
                        if (ExeOf(child) is { } exe && exe.Contains("gomini") && TryOpen($"/proc/{child}/exe") is { } handle)
                            held.Add(handle);
                exec.WaitForExit();
                Assert.Equal(0, exec.ExitCode);
            }
            foreach (var handle in held)
            {
                try
                {
                    using var write = File.Open($"/proc/self/fd/{handle.DangerousGetHandle()}", FileMode.Append, FileAccess.Write);
                    refusals.Add("WROTE: the exec-init's binary was writable");
                }
                catch (IOException e) { refusals.Add(e.Message); }
                finally { handle.Dispose(); }
            }
        }
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r => Assert.Contains("Read-only file system", r));
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle? TryOpen(string path)
    {
        try { return File.OpenHandle(path, FileMode.Open, FileAccess.Read); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    // Regression: this test once failed about one run in three with "held fd /proc/self/fd/N" in
    // /wrote and the host binary unchanged, when exec-inits ran from a sealed memfd. The one explanation
    // that fits (a sealed memfd refuses every write; the host hash held): the attacker saw an exec-init,
    // which then exec'd its program before the attacker's open(), so the fd it held was the container's
    // own busybox, which it may write. The attacker now holds an fd only if the process is still
    // "gomini init" after the open, notes such races in /raced, and names what it wrote to in /wrote.
    [Fact]
    public void A_container_cannot_write_to_the_binary_of_an_exec_init_through_proc_exe()
    {
        var hostHash = Hash(Fixture.Binary);
        // The exploit: a fast scanner (proc-exe-attacker.c, built static) holds open the exe of every
        // gomini-looking process it sees and keeps trying to write to it; and /evil, which the exec'd
        // process runs, is `#!/proc/self/exe`: it would make the exec-init run its own binary again,
        // now as the container's (unprivileged, visible) process.
        var bundle = Running(b =>
        {
            var built = Shell.Run("gcc", ["-static", "-O2", "-o", Path.Combine(b.Rootfs, "attacker"),
                Path.Combine(Repo.Root, "tests/Integration/Exec/proc-exe-attacker.c")], TimeSpan.FromMinutes(1));
            Assert.True(built.ExitCode == 0, built.ToString());
            File.WriteAllText(Path.Combine(b.Rootfs, "evil"), "#!/proc/self/exe\n");
            Assert.Equal(0, Shell.Run("chmod", ["755", Path.Combine(b.Rootfs, "evil")], TimeSpan.FromSeconds(10)).ExitCode);
        }, "/attacker");

        for (var i = 0; i < 10; i++)
        {
            var plain = Gomini.Run("exec", bundle.Id, "true");
            Assert.True(plain.ExitCode == 0, plain.ToString());
            var evil = Gomini.Run("exec", bundle.Id, "/evil");
            Assert.NotEqual(0, evil.ExitCode);
            Assert.DoesNotContain("Usage", evil.Stdout + evil.Stderr);
        }
        Thread.Sleep(3500);
        File.WriteAllText(Path.Combine(bundle.Rootfs, "stop"), "");

        // The scanner must have caught at least one exec-init in twenty, or the test proves nothing.
        var tried = Path.Combine(bundle.Rootfs, "tried");
        Assert.True(File.Exists(tried), "the attacker never caught an exec-init");
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
        try { return new FileInfo($"/proc/{pid}/exe").LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
