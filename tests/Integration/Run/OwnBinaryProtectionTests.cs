using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Run;

/// <summary>
/// CVE-2019-5736 for `run` (and `create`, which spawns the same way): the init child is spawned from gomini's binary bound read-only onto itself
/// in the container's private mount namespace, so a file handle to its /proc/&lt;pid&gt;/exe, kept until
/// gomini is gone, still cannot be reopened for writing.
/// </summary>
public sealed class OwnBinaryProtectionTests(GominiFixture fixture) : ContainerTest(fixture)
{
    [Theory]
    [InlineData("run")]
    [InlineData("create")]
    public void A_handle_to_the_init_childs_exe_cannot_be_reopened_for_writing_after_gomini_exits(string command)
    {
        var bundle = NewBundle().Args("true");
        // A copy, so that a failure of the protection damages nothing the other tests use.
        var binary = Path.Combine(bundle.Path, "gomini-copy");
        File.Copy(Fixture.Binary, binary);
        Shell.Run("chmod", ["755", binary], TimeSpan.FromSeconds(10));
        var before = SHA256.HashData(File.ReadAllBytes(binary));

        // The attacker's move, from a createRuntime hook (it sees the init child's pid before the child
        // runs anything): hold the exe open, wait until gomini has exited, then reopen it for writing.
        var result = Path.Combine(bundle.Path, "RESULT");
        var hook = Path.Combine(bundle.Path, "attack.sh");
        File.WriteAllText(hook, "#!/bin/sh\npid=$(sed -n 's/.*\"pid\":\\([0-9]*\\).*/\\1/p')\n" +
            $"( exec 7<\"/proc/$pid/exe\"; sleep 1; if echo x >> /proc/self/fd/7; then echo WROTE; else echo REFUSED; fi > {result} ) </dev/null >/dev/null 2>&1 &\n");
        Shell.Run("chmod", ["755", hook], TimeSpan.FromSeconds(10));
        bundle.Edit(c => c["hooks"] = new JsonObject
        {
            ["createRuntime"] = new JsonArray(new JsonObject { ["path"] = hook, ["args"] = new JsonArray("attack.sh") }),
        }).Save();

        var gomini = new GominiCli(Fixture, binary);
        var made = gomini.Run(command, "--bundle", bundle.Path, bundle.Id);
        Assert.True(made.ExitCode == 0, made.ToString());
        try
        {
            // After `create` gomini has exited and the init child waits for `start`: the attacker's
            // second look comes while it still runs from the bound binary.
            for (var i = 0; i < 100 && !File.Exists(result); i++) Thread.Sleep(50);
            Thread.Sleep(100);
            Assert.Equal("REFUSED", File.ReadAllText(result).Trim());
            Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(binary)));
        }
        finally
        {
            if (command == "create")
                gomini.Run("delete", "--force", bundle.Id);
        }
    }
}
