using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Filesystem;

/// <summary>The container's `/`: pivot_root (or chroot with --no-pivot), read-only root, no host mounts.</summary>
public sealed class RootFilesystemTests(GominiFixture fixture) : ContainerTest(fixture)
{
    // The default config's mounts and its masked/readonly paths: nothing else may be mounted inside.
    private static readonly string[] Expected =
    [
        "/", "/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys",
        "/proc/kcore", "/proc/keys", "/proc/timer_list", "/sys/firmware",
        "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
    ];

    [Fact]
    public void A_readonly_root_refuses_writes()
    {
        var bundle = NewBundle().ReadonlyRoot();
        var result = Container.Sh(bundle, "echo x > /written; echo status=$?; echo y > /dev/shm/ok && echo tmpfs-ok");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("status=1", result.Stdout);
        Assert.Contains("Read-only file system", result.Stderr);
        Assert.Contains("tmpfs-ok", result.Stdout); // only the root is read-only, not the mounts on it
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "written")));
    }

    [Fact]
    public void A_writable_root_keeps_what_the_container_writes()
    {
        var bundle = NewBundle();
        var result = Container.Sh(bundle, "echo from-inside > /root/written");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("from-inside\n", File.ReadAllText(Path.Combine(bundle.Rootfs, "root", "written")));
    }

    [Fact]
    public void The_hosts_mounts_are_invisible_inside()
    {
        var result = Container.Sh(NewBundle(), "cat /proc/self/mountinfo");
        Assert.Equal(0, result.ExitCode);
        var points = Container.MountPoints(result.Stdout);
        Assert.Contains("/proc", points);
        Assert.Empty(points.Except(Expected));
    }

    [Fact]
    public void The_no_pivot_root_runs_the_container_in_its_rootfs_without_the_hosts_mounts()
    {
        var bundle = NewBundle();
        File.WriteAllText(Path.Combine(bundle.Rootfs, "etc", "only-in-rootfs"), "mine\n");
        var result = Container.Sh(bundle, "cat /etc/only-in-rootfs; cat /proc/self/mountinfo", "--no-pivot");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("mine\n", result.Stdout);
        var points = Container.MountPoints(result.Stdout.Substring("mine\n".Length));
        Assert.Contains("/proc", points);
        Assert.Empty(points.Except(Expected));
    }

    [Fact]
    public void The_no_pivot_root_can_be_read_only_too()
    {
        var bundle = NewBundle().ReadonlyRoot();
        var result = Container.Sh(bundle, "echo x > /written; echo status=$?", "--no-pivot");
        Assert.Contains("status=1", result.Stdout);
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "written")));
    }
}
