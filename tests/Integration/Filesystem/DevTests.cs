using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Filesystem;

/// <summary>The default /dev a container gets when its config does not bind the host's.</summary>
public sealed class DevTests(GominiFixture fixture) : ContainerTest(fixture)
{
    [Fact]
    public void The_default_dev_has_the_standard_devices_and_links()
    {
        const string script = """
            for d in null zero full random urandom tty; do test -c /dev/$d && echo char-$d; done
            test -c /dev/pts/ptmx && echo char-pts/ptmx
            test -e /dev/ptmx && echo has-ptmx
            test -d /dev/shm && echo dir-shm
            for l in fd stdin stdout stderr; do test -L /dev/$l && echo link-$l; done
            readlink /dev/fd
            """;
        var result = Container.Sh(NewBundle(), script);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var d in new[] { "null", "zero", "full", "random", "urandom", "tty", "pts/ptmx" })
            Assert.Contains($"char-{d}\n", result.Stdout);
        foreach (var l in new[] { "fd", "stdin", "stdout", "stderr" })
            Assert.Contains($"link-{l}\n", result.Stdout);
        Assert.Contains("has-ptmx\n", result.Stdout);
        Assert.Contains("dir-shm\n", result.Stdout);
        Assert.Contains("/proc/self/fd\n", result.Stdout);
    }

    /// <summary>As runc: /dev/core only where /proc/kcore exists (this host's kernel has none; it used to dangle).</summary>
    [Fact]
    public void Dev_core_is_linked_only_when_the_host_has_proc_kcore()
    {
        var result = Container.Sh(NewBundle(), "test -L /dev/core && echo core-linked || echo no-core");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.Exists("/proc/kcore") ? "core-linked" : "no-core", result.Stdout.Trim());
    }

    [Fact]
    public void The_devices_work_as_their_host_counterparts()
    {
        const string script = """
            head -c 4 /dev/zero | od -An -tx1
            head -c 16 /dev/urandom | wc -c
            echo gone > /dev/null && echo null-ok
            echo x > /dev/full; echo full-status=$?
            """;
        var result = Container.Sh(NewBundle(), script);
        Assert.Contains("00 00 00 00", result.Stdout);
        Assert.Contains("16\n", result.Stdout);
        Assert.Contains("null-ok", result.Stdout);
        Assert.Contains("full-status=1", result.Stdout);
    }

    [Fact]
    public void Devices_are_made_on_the_containers_tmpfs_not_in_the_bundle()
    {
        var bundle = NewBundle();
        var result = Container.Sh(bundle, "test -c /dev/null && echo ok");
        Assert.Equal("ok\n", result.Stdout);
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "dev", "null")));
    }
}
