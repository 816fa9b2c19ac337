using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Security;

/// <summary>
/// Where the security planner puts the seccomp filter (the compiler and loader are the seccomp
/// work's): without no_new_privs and without CAP_SYS_ADMIN kept, the kernel would refuse the
/// filter after capset (EACCES), so it is loaded before the user change. These containers must
/// start, and the filter must act.
/// </summary>
public class FilterPlacementTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static JsonObject BlockMkdir() => (JsonObject)JsonNode.Parse("""
    {
      "defaultAction": "SCMP_ACT_ALLOW",
      "architectures": [ "SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64" ],
      "syscalls": [ { "names": [ "mkdir", "mkdirat" ], "action": "SCMP_ACT_ERRNO", "errnoRet": 1 } ]
    }
    """)!;

    [Theory]
    [InlineData(0u)]
    [InlineData(1000u)]
    public void A_filter_loads_without_no_new_privs_and_without_CAP_SYS_ADMIN(uint uid)
    {
        var result = NewBundle().User(uid, uid)
            .Args("/bin/sh", "-c", "grep NoNewPrivs /proc/self/status; mkdir /tmp/x; echo status=$?")
            .Edit(c =>
            {
                c["process"]!["noNewPrivileges"] = false;
                c["linux"]!["seccomp"] = BlockMkdir();
            })
            .Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NoNewPrivs:\t0", result.Stdout);
        Assert.Contains("status=1", result.Stdout);
        Assert.Contains("Operation not permitted", result.Stderr);
    }

    [Fact]
    public void A_filter_loads_last_with_no_new_privs()
    {
        var result = NewBundle().Args("/bin/sh", "-c", "mkdir /tmp/x; echo status=$?")
            .Edit(c => c["linux"]!["seccomp"] = BlockMkdir()).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("status=1", result.Stdout);
    }
}
