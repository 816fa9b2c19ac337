using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Filesystem;

/// <summary>Bind mounts of host paths, both directions, read-write and read-only, directories and files.</summary>
public sealed class BindMountTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static string HostDirectory(Bundle bundle, string content)
    {
        var dir = Path.Combine(bundle.Path, "host-data");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "from-host"), content);
        return dir;
    }

    [Fact]
    public void A_host_directory_bound_inside_is_visible_and_takes_writes_back_to_the_host()
    {
        var bundle = NewBundle();
        var dir = HostDirectory(bundle, "hello host\n");
        bundle.Mount("/data", "bind", dir, "rbind", "rw");
        var result = Container.Sh(bundle, "cat /data/from-host; echo from-container > /data/from-container");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello host\n", result.Stdout);
        Assert.Equal("from-container\n", File.ReadAllText(Path.Combine(dir, "from-container")));
    }

    [Fact]
    public void A_readonly_bind_refuses_writes_and_the_host_stays_unchanged()
    {
        var bundle = NewBundle();
        var dir = HostDirectory(bundle, "hello host\n");
        bundle.Mount("/data", "bind", dir, "bind", "ro");
        var result = Container.Sh(bundle, "cat /data/from-host; echo x > /data/written; echo status=$?");
        Assert.Contains("hello host", result.Stdout);
        Assert.Contains("status=1", result.Stdout);
        Assert.Contains("Read-only file system", result.Stderr);
        Assert.False(File.Exists(Path.Combine(dir, "written")));
    }

    [Fact]
    public void A_bind_to_a_missing_nested_destination_creates_the_mount_point_inside_the_rootfs()
    {
        var bundle = NewBundle();
        var dir = HostDirectory(bundle, "deep\n");
        bundle.Mount("/a/b/c", "bind", dir, "rbind");
        var result = Container.Sh(bundle, "cat /a/b/c/from-host");
        Assert.Equal("deep\n", result.Stdout);
        Assert.True(Directory.Exists(Path.Combine(bundle.Rootfs, "a", "b", "c")));
    }

    [Fact]
    public void A_host_file_bound_inside_gets_a_file_as_its_mount_point()
    {
        var bundle = NewBundle();
        var file = Path.Combine(bundle.Path, "host-file");
        File.WriteAllText(file, "one file\n");
        bundle.Mount("/etc/bound-file", "bind", file, "bind", "ro");
        var result = Container.Sh(bundle, "cat /etc/bound-file; test -f /etc/bound-file && echo is-file");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("one file\nis-file\n", result.Stdout);
    }

    [Fact]
    public void A_tmpfs_takes_its_size_and_mode_from_the_options()
    {
        var bundle = NewBundle();
        bundle.Mount("/scratch", "tmpfs", "tmpfs", "nosuid", "nodev", "size=1m", "mode=711");
        var result = Container.Sh(bundle, "stat -c %a /scratch; cat /proc/self/mountinfo");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("711\n", result.Stdout);
        var line = Container.MountLine(result.Stdout, "/scratch");
        Assert.NotNull(line);
        Assert.Contains("size=1024k", line);
        Assert.Contains("nosuid", line);
        Assert.Contains("nodev", line);
    }
}
