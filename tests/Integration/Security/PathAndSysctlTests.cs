using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Security;

public class PathAndSysctlTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static JsonArray Strings(params string[] items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    [Fact]
    public void Readonly_paths_refuse_writes()
    {
        var bundle = NewBundle();
        Directory.CreateDirectory(Path.Combine(bundle.Rootfs, "data"));
        var result = bundle.Args("/bin/sh", "-c", "touch /data/x; echo data=$?; echo host > /proc/sys/kernel/hostname; echo sys=$?")
            .Edit(c => c["linux"]!["readonlyPaths"] = Strings("/data", "/proc/sys")).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("data=0", result.Stdout);
        Assert.DoesNotContain("sys=0", result.Stdout);
        Assert.Contains("Read-only file system", result.Stderr);
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "data", "x")));
    }

    [Fact]
    public void Masked_paths_read_empty()
    {
        var bundle = NewBundle();
        Directory.CreateDirectory(Path.Combine(bundle.Rootfs, "secrets"));
        File.WriteAllText(Path.Combine(bundle.Rootfs, "secrets", "key"), "hunter2");
        File.WriteAllText(Path.Combine(bundle.Rootfs, "etc", "token"), "s3cret");
        var result = bundle.Args("/bin/sh", "-c", "ls -A /secrets; cat /etc/token; wc -c < /proc/version; echo end")
            .Edit(c => c["linux"]!["maskedPaths"] = Strings("/secrets", "/etc/token", "/proc/version")).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0\nend\n", result.Stdout);
        Assert.Equal("hunter2", File.ReadAllText(Path.Combine(bundle.Rootfs, "secrets", "key"))); // hidden, not touched
    }

    [Fact]
    public void A_namespaced_sysctl_is_applied_inside_and_the_host_is_unchanged()
    {
        var hostShmmax = File.ReadAllText("/proc/sys/kernel/shmmax");
        var hostForward = File.ReadAllText("/proc/sys/net/ipv4/ip_forward");
        var wantForward = hostForward.Trim() == "1" ? "0" : "1";
        var result = NewBundle().Args("/bin/sh", "-c", "cat /proc/sys/kernel/shmmax /proc/sys/net/ipv4/ip_forward")
            .Edit(c => c["linux"]!["sysctl"] = new JsonObject { ["kernel.shmmax"] = "123456789", ["net.ipv4.ip_forward"] = wantForward })
            .Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"123456789\n{wantForward}\n", result.Stdout);
        Assert.Equal(hostShmmax, File.ReadAllText("/proc/sys/kernel/shmmax"));
        Assert.Equal(hostForward, File.ReadAllText("/proc/sys/net/ipv4/ip_forward"));
    }

    [Fact]
    public void A_sysctl_of_the_whole_machine_is_refused_and_the_host_is_unchanged()
    {
        var before = File.ReadAllText("/proc/sys/vm/swappiness");
        var result = NewBundle().Edit(c => c["linux"]!["sysctl"] = new JsonObject { ["vm.swappiness"] = "7" }).Run();
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("linux.sysctl.\"vm.swappiness\": not namespaced, refusing to change the host", result.Stderr);
        Assert.Equal(before, File.ReadAllText("/proc/sys/vm/swappiness"));
    }
}
