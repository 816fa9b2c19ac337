using System.Text.Json.Nodes;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Filesystem;

/// <summary>linux.maskedPaths read empty; linux.readonlyPaths refuse writes; absent ones are skipped.</summary>
public sealed class MaskedAndReadonlyPathTests(GominiFixture fixture) : ContainerTest(fixture)
{
    private static Bundle WithPaths(Bundle bundle, string list, params string[] paths) => bundle.Edit(c =>
    {
        var array = c["linux"]![list]!.AsArray();
        foreach (var path in paths) array.Add((JsonNode?)JsonValue.Create(path));
    });

    [Fact]
    public void A_masked_file_reads_empty()
    {
        var bundle = WithPaths(NewBundle(), "maskedPaths", "/etc/secret");
        File.WriteAllText(Path.Combine(bundle.Rootfs, "etc", "secret"), "do not show\n");
        var result = Container.Sh(bundle, "wc -c < /etc/secret; wc -c < /proc/keys");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0\n0\n", result.Stdout);
    }

    [Fact]
    public void A_masked_directory_is_empty_and_read_only()
    {
        var bundle = WithPaths(NewBundle(), "maskedPaths", "/etc/secrets");
        Directory.CreateDirectory(Path.Combine(bundle.Rootfs, "etc", "secrets"));
        File.WriteAllText(Path.Combine(bundle.Rootfs, "etc", "secrets", "key"), "do not show\n");
        var result = Container.Sh(bundle, "ls -A /etc/secrets | wc -l; ls -A /sys/firmware | wc -l; touch /etc/secrets/x; echo status=$?");
        Assert.StartsWith("0\n0\n", result.Stdout);
        Assert.Contains("status=1", result.Stdout);
    }

    [Fact]
    public void A_readonly_path_refuses_writes_and_stays_readable()
    {
        var bundle = WithPaths(NewBundle(), "readonlyPaths", "/etc/config");
        Directory.CreateDirectory(Path.Combine(bundle.Rootfs, "etc", "config"));
        File.WriteAllText(Path.Combine(bundle.Rootfs, "etc", "config", "a"), "kept\n");
        const string script = """
            cat /etc/config/a
            echo x > /etc/config/b; echo status=$?
            echo 1 > /proc/sys/kernel/domainname; echo proc-status=$?
            echo x > /etc/writable && echo rest-writable
            """;
        var result = Container.Sh(bundle, script);
        Assert.Contains("kept\n", result.Stdout);
        Assert.Contains("status=1", result.Stdout);
        Assert.Contains("proc-status=1", result.Stdout);
        Assert.Contains("rest-writable", result.Stdout);
        Assert.False(File.Exists(Path.Combine(bundle.Rootfs, "etc", "config", "b")));
    }

    [Fact]
    public void Masked_and_readonly_paths_that_do_not_exist_are_skipped()
    {
        var bundle = WithPaths(NewBundle(), "maskedPaths", "/no/such/file");
        WithPaths(bundle, "readonlyPaths", "/no/such/dir");
        var result = Container.Sh(bundle, "echo ran");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ran\n", result.Stdout);
        Assert.False(Directory.Exists(Path.Combine(bundle.Rootfs, "no")));
    }
}
