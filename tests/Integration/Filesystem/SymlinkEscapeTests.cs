using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Filesystem;

/// <summary>
/// A rootfs is untrusted: a symlink on a mount destination must not place the mount on the host.
/// Each attack names a host directory through a link; the host must stay unchanged, and the
/// mount must land inside the rootfs or the run must fail naming the destination.
/// </summary>
public sealed class SymlinkEscapeTests(GominiFixture fixture) : ContainerTest(fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("../../..")]
    [InlineData("../../../../../../../../..")]
    public void A_link_out_of_the_rootfs_on_a_mount_destination_stays_inside_the_rootfs(string linkTarget)
    {
        var bundle = NewBundle();
        var marker = "gm-escape-" + bundle.Id;
        File.CreateSymbolicLink(Path.Combine(bundle.Rootfs, "evil"), linkTarget);
        bundle.Mount($"/evil/tmp/{marker}", "tmpfs", "tmpfs", "size=1m");
        var result = Container.Sh(bundle, $"grep -c ' /tmp/{marker} ' /proc/self/mountinfo; touch /tmp/{marker}/inside && echo wrote");
        try
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("1\nwrote\n", result.Stdout);
            Assert.True(Directory.Exists(Path.Combine(bundle.Rootfs, "tmp", marker)), "the mount point belongs in the rootfs");
            Assert.False(Directory.Exists(Path.Combine("/tmp", marker)), "the host's /tmp must be unchanged");
        }
        finally
        {
            if (Directory.Exists(Path.Combine("/tmp", marker))) Directory.Delete(Path.Combine("/tmp", marker), true);
        }
    }

    [Fact]
    public void A_link_to_proc_self_root_on_a_mount_destination_fails_naming_the_destination()
    {
        var bundle = NewBundle();
        var marker = "gm-escape-" + bundle.Id;
        // /proc is mounted first (default config), so /proc/self/root is the magic link: refused.
        File.CreateSymbolicLink(Path.Combine(bundle.Rootfs, "evil"), "/proc/self/root");
        bundle.Mount($"/evil/tmp/{marker}", "tmpfs", "tmpfs", "size=1m");
        var result = Container.Sh(bundle, "echo should-not-run");
        try
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("should-not-run", result.Stdout);
            Assert.Contains($"/evil/tmp/{marker}", result.Stderr);
            Assert.Contains("ELOOP", result.Stderr);
            Assert.False(Directory.Exists(Path.Combine("/tmp", marker)), "the host's /tmp must be unchanged");
        }
        finally
        {
            if (Directory.Exists(Path.Combine("/tmp", marker))) Directory.Delete(Path.Combine("/tmp", marker), true);
        }
    }

    [Fact]
    public void A_bind_onto_a_link_to_a_host_file_binds_the_rootfs_file_instead()
    {
        var bundle = NewBundle();
        var hostFile = Path.Combine(bundle.Path, "host-victim");
        File.WriteAllText(hostFile, "host content\n");
        var source = Path.Combine(bundle.Path, "source");
        File.WriteAllText(source, "container content\n");
        // An absolute link is read as a path inside the rootfs: it names rootfs/<bundle>/host-victim.
        File.CreateSymbolicLink(Path.Combine(bundle.Rootfs, "etc", "victim"), hostFile);
        bundle.Mount("/etc/victim", "bind", source, "bind");
        var result = Container.Sh(bundle, $"cat {hostFile}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("container content\n", result.Stdout);
        Assert.Equal("host content\n", File.ReadAllText(hostFile));
        Assert.True(File.Exists(Path.Combine(bundle.Rootfs + hostFile)), "the mount point belongs in the rootfs");
    }
}
