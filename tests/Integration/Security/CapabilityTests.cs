using System.Text.Json.Nodes;
using GoMini.Domain.Linux;
using GoMini.Integration.Support;
using Xunit;
using static GoMini.Integration.Security.ProcStatus;

namespace GoMini.Integration.Security;

public class CapabilityTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static readonly string[] FixtureCaps =
        ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_DAC_OVERRIDE"];

    [Fact]
    public void Capabilities_outside_the_configured_sets_are_gone_inside_the_container()
    {
        var result = NewBundle().Args("/bin/cat", "/proc/self/status").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(MaskOf(FixtureCaps), Mask(result.Stdout, "CapBnd"));
        Assert.Equal(MaskOf(FixtureCaps), Mask(result.Stdout, "CapEff"));
        Assert.Equal(MaskOf(FixtureCaps), Mask(result.Stdout, "CapPrm"));
        Assert.Equal(0UL, Mask(result.Stdout, "CapAmb"));
    }

    [Fact]
    public void Runcs_default_capability_set_is_exactly_what_the_container_gets()
    {
        var caps = Capabilities.RuncDefault.ToArray();
        // As `runc spec` (1.1.5) writes it: an ambient set but no inheritable one, which runc runs with CapAmb 0.
        var config = CapabilitiesObject(caps);
        config["ambient"] = new JsonArray(caps.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        var result = NewBundle().Args("/bin/cat", "/proc/self/status")
            .Edit(c => c["process"]!["capabilities"] = config).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0UL, Mask(result.Stdout, "CapAmb"));
        Assert.Equal(0x20000420UL, MaskOf(caps)); // AUDIT_WRITE 29, NET_BIND_SERVICE 10, KILL 5
        Assert.Equal(MaskOf(caps), Mask(result.Stdout, "CapBnd"));
        Assert.Equal(MaskOf(caps), Mask(result.Stdout, "CapEff"));
    }

    [Fact]
    public void Without_a_capabilities_object_the_container_has_none_like_runc()
    {
        var result = NewBundle().Args("/bin/cat", "/proc/self/status")
            .Edit(c => c["process"]!.AsObject().Remove("capabilities")).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0UL, Mask(result.Stdout, "CapBnd"));
        Assert.Equal(0UL, Mask(result.Stdout, "CapEff"));
    }

    [Fact]
    public void Mounting_without_CAP_SYS_ADMIN_is_refused()
    {
        var result = NewBundle().Args("/bin/sh", "-c", "mount -t tmpfs none /tmp; echo status=$?").Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("status=", result.Stdout);
        Assert.DoesNotContain("status=0", result.Stdout);
        Assert.Contains("ermission denied", result.Stderr + result.Stdout); // busybox: "mount: permission denied (are you root?)"
    }

    [Fact]
    public void Ping_without_CAP_NET_RAW_is_refused_and_with_it_works()
    {
        var without = NewBundle().Args("/bin/sh", "-c", "ping -c 1 -W 1 127.0.0.1; echo status=$?").Run();
        Assert.True(without.ExitCode == 0, without.ToString());
        Assert.DoesNotContain("status=0", without.Stdout);

        var with = NewBundle().Args("/bin/sh", "-c", "ping -c 1 -W 1 127.0.0.1; echo status=$?")
            .Edit(c => c["process"]!["capabilities"] = CapabilitiesObject([.. FixtureCaps, "CAP_NET_RAW"])).Run();
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Contains("status=0", with.Stdout); // needs loopback up in the new network namespace
    }

    [Fact]
    public void A_non_root_user_keeps_its_ambient_capabilities_across_the_uid_change_and_exec()
    {
        string[] caps = ["CAP_NET_BIND_SERVICE"];
        var result = NewBundle().User(1000, 1000).Args("/bin/cat", "/proc/self/status")
            .Edit(c => c["process"]!["capabilities"] = CapabilitiesObject(caps, inheritableAndAmbient: true)).Run();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1000\t1000\t1000\t1000", Field(result.Stdout, "Uid"));
        Assert.Equal(MaskOf(caps), Mask(result.Stdout, "CapAmb"));
        Assert.Equal(MaskOf(caps), Mask(result.Stdout, "CapEff")); // a non-root exec keeps only the ambient set
        Assert.Equal(MaskOf(caps), Mask(result.Stdout, "CapBnd"));
    }

    [Fact]
    public void An_unknown_capability_is_an_error_naming_it_and_its_path()
    {
        var result = NewBundle()
            .Edit(c => c["process"]!["capabilities"]!["bounding"]!.AsArray().Add((JsonNode?)JsonValue.Create("CAP_FOO"))).Run();
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("process.capabilities.bounding[7]: unknown capability \"CAP_FOO\"", result.Stderr);
    }

    [Fact]
    public void A_capability_this_host_cannot_give_is_a_clear_error_not_a_crash()
    {
        // Any capability gomini's own bounding set lacks (CAP_SYS_RESOURCE on the development VM).
        var missing = Capabilities.All.Filter(c => (HostBounding & MaskOf(c)) == 0);
        if (missing.IsEmpty)
            return; // a host that can give every capability has nothing to refuse here
        var wanted = missing.Head;
        var result = NewBundle().Args("/bin/true")
            .Edit(c => c["process"]!["capabilities"] = CapabilitiesObject([.. FixtureCaps, wanted])).Run();
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(wanted, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
    }
}
